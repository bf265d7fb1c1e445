package com.buildtrace.api.webhook;

import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.outbox.TargetUrls;
import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.project.ProjectRole;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/projects/{project}/webhooks}: a project's owners create, list and delete its webhooks, read
 * their delivery log and send a test ping.
 */
@RestController
@Tag(name = "Webhooks")
class WebhookController {

    private final Webhooks webhooks;

    private final ProjectAccess access;

    private final ActivityLog activity;

    private final WebhookProperties properties;

    WebhookController(Webhooks webhooks, ProjectAccess access, ActivityLog activity, WebhookProperties properties) {
        this.webhooks = webhooks;
        this.access = access;
        this.activity = activity;
        this.properties = properties;
    }

    /**
     * A new webhook.
     *
     * @param url where to post deliveries (https)
     * @param events which to receive: comparison.completed, comparison.failed (absent: both)
     */
    record NewWebhook(@NotBlank @Size(max = 2000) String url, @Size(min = 1, max = 10) List<String> events) {
    }

    @PostMapping("/api/v1/projects/{project}/webhooks")
    @Operation(summary = "Create a webhook (owners): deliveries are signed with its secret, shown in this answer only")
    ResponseEntity<Webhook> create(Caller caller, @PathVariable UUID project, @Valid @RequestBody NewWebhook body) {
        access.require(caller, project, ProjectRole.OWNER, "manage webhooks");
        String url = TargetUrls.check("url", body.url(), properties.allowLocalHttp(), List.of());
        List<String> events = body.events() == null ? Webhooks.EVENTS : body.events().stream().distinct().toList();
        List<String> unknown = events.stream().filter(e -> !Webhooks.EVENTS.contains(e)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("unknown events " + unknown + "; the events are " + Webhooks.EVENTS);
        }
        Webhook created = webhooks.create(caller, project, url, events);
        activity.record(caller, project, "webhook_created", Map.of("webhookId", created.id(), "url", url,
                "events", events));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/webhooks/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/projects/{project}/webhooks")
    @Operation(summary = "A project's webhooks (owners), without their secrets")
    List<Webhook> list(Caller caller, @PathVariable UUID project) {
        access.require(caller, project, ProjectRole.OWNER, "manage webhooks");
        return webhooks.list(project);
    }

    @DeleteMapping("/api/v1/projects/{project}/webhooks/{webhook}")
    @Operation(summary = "Delete a webhook (owners): nothing more is delivered to it")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID project, @PathVariable UUID webhook) {
        Webhook w = found(caller, project, webhook);
        webhooks.delete(project, w.id());
        activity.record(caller, project, "webhook_deleted", Map.of("webhookId", w.id(), "url", w.url()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/projects/{project}/webhooks/{webhook}/deliveries")
    @Operation(summary = "A webhook's deliveries, newest first, each with its attempts (status code, duration, error)")
    List<WebhookDelivery> deliveries(Caller caller, @PathVariable UUID project, @PathVariable UUID webhook,
                                     @RequestParam(defaultValue = "50") int limit) {
        Webhook w = found(caller, project, webhook);
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("limit must be 1 to 500");
        }
        return webhooks.deliveries(w.id(), limit);
    }

    @PostMapping("/api/v1/projects/{project}/webhooks/{webhook}/ping")
    @Operation(summary = "Send a test ping to a webhook (event 'ping'), delivered like any event; see its deliveries")
    ResponseEntity<Map<String, Object>> ping(Caller caller, @PathVariable UUID project, @PathVariable UUID webhook) {
        Webhook w = found(caller, project, webhook);
        if (!w.enabled()) {
            throw ApiException.conflict("webhook " + webhook + " is disabled after repeated failures; enable it first "
                    + "(POST .../webhooks/" + webhook + "/enable)");
        }
        UUID delivery = webhooks.ping(w);
        return ResponseEntity.accepted().body(Map.of("deliveryId", delivery, "event", "ping"));
    }

    @PostMapping("/api/v1/projects/{project}/webhooks/{webhook}/enable")
    @Operation(summary = "Enable a webhook disabled after repeated failures (owners); it receives events again")
    Webhook enable(Caller caller, @PathVariable UUID project, @PathVariable UUID webhook) {
        Webhook w = found(caller, project, webhook);
        if (webhooks.enable(w.id())) {
            activity.record(caller, project, "webhook_enabled", Map.of("webhookId", w.id(), "url", w.url()));
        }
        return webhooks.find(project, w.id()).orElseThrow();
    }

    private Webhook found(Caller caller, UUID project, UUID webhook) {
        access.require(caller, project, ProjectRole.OWNER, "manage webhooks");
        return webhooks.find(project, webhook).orElseThrow(() -> ApiException.notFound("webhook", webhook));
    }
}
