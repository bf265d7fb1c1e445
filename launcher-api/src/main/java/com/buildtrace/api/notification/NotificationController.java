package com.buildtrace.api.notification;

import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.auth.AuthMode;
import com.buildtrace.api.auth.User;
import com.buildtrace.api.auth.UserRepository;
import com.buildtrace.api.outbox.TargetUrls;
import com.buildtrace.api.project.Project;
import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.project.ProjectRepository;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.ApiProperties;
import com.buildtrace.api.system.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/projects/{project}/notifications}: every member, viewers included, chooses for themselves which
 * comparison events of the project notify them and how (e-mail, Slack), sends themselves a test, and reads
 * their delivery log. Nobody sees or changes another member's choice.
 */
@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final NotificationPreferences preferences;

    private final ProjectAccess access;

    private final ActivityLog activity;

    private final EmailSender email;

    private final ComparisonDigests digests;

    private final NotificationProperties properties;

    private final ApiProperties api;

    private final AuthMode mode;

    private final UserRepository users;

    private final ProjectRepository projects;

    NotificationController(NotificationPreferences preferences, ProjectAccess access, ActivityLog activity,
                           EmailSender email, ComparisonDigests digests, NotificationProperties properties,
                           ApiProperties api, AuthMode mode, UserRepository users, ProjectRepository projects) {
        this.preferences = preferences;
        this.access = access;
        this.activity = activity;
        this.email = email;
        this.digests = digests;
        this.properties = properties;
        this.api = api;
        this.mode = mode;
        this.users = users;
        this.projects = projects;
    }

    /**
     * What to be notified of, and how.
     *
     * @param events comparison.completed and/or comparison.failed (absent: both; empty: none)
     * @param onlyWhenChanged a completed comparison notifies only when sheets changed, were added or removed
     * @param email e-mail to the caller's account address
     * @param slack Slack through {@code slackWebhookUrl} (absent: on when a URL is given)
     * @param slackWebhookUrl a Slack incoming webhook; absent keeps the one saved before
     */
    record Update(@Size(max = 2) List<String> events, Boolean onlyWhenChanged, Boolean email, Boolean slack,
                  @Size(max = 2000) String slackWebhookUrl) {
    }

    @GetMapping("/api/v1/projects/{project}/notifications")
    @Operation(summary = "The caller's notification settings for a project (any member); all off until saved")
    NotificationSettings get(Caller caller, @PathVariable UUID project) {
        access.require(caller, project);
        return settings(caller, project);
    }

    @PutMapping("/api/v1/projects/{project}/notifications")
    @Operation(summary = "Set the caller's notifications for a project (any member): events, e-mail, Slack")
    NotificationSettings put(Caller caller, @PathVariable UUID project, @Valid @RequestBody Update body) {
        access.require(caller, project);
        List<String> events = body.events() == null ? NotificationSettings.EVENTS
                : body.events().stream().distinct().toList();
        List<String> unknown = events.stream().filter(e -> !NotificationSettings.EVENTS.contains(e)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("unknown events " + unknown + "; the events are " + NotificationSettings.EVENTS);
        }
        boolean byEmail = Boolean.TRUE.equals(body.email());
        if (byEmail && !email.available()) {
            throw ApiException.conflict(EmailSender.UNAVAILABLE);
        }
        Optional<NotificationPreferences.Preference> before = preferences.find(project, caller.userId());
        boolean bySlack = body.slack() != null ? body.slack() : body.slackWebhookUrl() != null;
        String slackUrl = null;
        if (bySlack && body.slackWebhookUrl() != null) {
            slackUrl = TargetUrls.check("slackWebhookUrl", body.slackWebhookUrl(), properties.allowLocalHttp(),
                    slackHosts());
        } else if (bySlack) {
            slackUrl = before.map(NotificationPreferences.Preference::slackUrl).orElseThrow(() ->
                    ApiException.invalid("slackWebhookUrl is needed to turn Slack on (an incoming webhook: "
                            + "https://hooks.slack.com/services/...)"));
        }
        preferences.save(project, caller.userId(), events, Boolean.TRUE.equals(body.onlyWhenChanged()), byEmail,
                slackUrl);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("events", events);
        detail.put("email", byEmail);
        detail.put("slack", slackUrl != null);
        activity.record(caller, project, "notifications_changed", detail);
        return settings(caller, project);
    }

    @PostMapping("/api/v1/projects/{project}/notifications/test")
    @Operation(summary = "Send the caller a test notification on each channel they turned on (or one: "
            + "?channel=email|slack): the project's latest comparison as it would be told, else a short message")
    ResponseEntity<Map<String, Object>> test(Caller caller, @PathVariable UUID project,
                                             @RequestParam(required = false) String channel) {
        access.require(caller, project);
        if (channel != null && !List.of("email", "slack").contains(channel)) {
            throw ApiException.invalid("channel must be email or slack");
        }
        NotificationSettings s = settings(caller, project);
        Map<String, String> recipients = new LinkedHashMap<>();
        if (s.email().enabled() && s.email().available()) {
            recipients.put("email", s.email().address());
        }
        preferences.find(project, caller.userId()).map(NotificationPreferences.Preference::slackUrl)
                .ifPresent(url -> recipients.put("slack", url));
        if (channel != null) {
            recipients.keySet().retainAll(List.of(channel));
        }
        if (recipients.isEmpty()) {
            throw ApiException.conflict(channel == null ? "no notification channel is on: turn on e-mail or Slack "
                    + "first (PUT .../notifications)" : channel + " notifications are off: turn them on first");
        }
        Optional<ComparisonDigest> latest = digests.latestEnded(project).flatMap(digests::of);
        String projectName = projects.find(caller, project).map(Project::name)
                .orElseThrow(() -> ApiException.notFound("project", project));
        List<Map<String, Object>> queued = new ArrayList<>();
        recipients.forEach((ch, recipient) -> {
            NotificationDispatcher.Message m = latest.map(d -> NotificationDispatcher.message(ch, d, true))
                    .orElseGet(() -> NotificationDispatcher.test(ch, projectName,
                            api.link("#/projects/" + project).orElse(null)));
            preferences.queue(project, caller.userId(), ch, "test", null, recipient, m.subject(), m.payload())
                    .ifPresent(id -> queued.add(Map.of("deliveryId", id, "channel", ch)));
        });
        return ResponseEntity.accepted().body(Map.of("event", "test", "deliveries", queued));
    }

    @GetMapping("/api/v1/projects/{project}/notifications/deliveries")
    @Operation(summary = "The caller's notifications of a project, newest first, each with its attempts")
    List<NotificationDelivery> deliveries(Caller caller, @PathVariable UUID project,
                                          @RequestParam(defaultValue = "50") int limit) {
        access.require(caller, project);
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("limit must be 1 to 500");
        }
        return preferences.deliveries(project, caller.userId(), limit);
    }

    private NotificationSettings settings(Caller caller, UUID project) {
        Optional<NotificationPreferences.Preference> p = preferences.find(project, caller.userId());
        String address = users.find(caller.userId()).map(User::email).orElse(null);
        return new NotificationSettings(project,
                p.map(NotificationPreferences.Preference::events).orElse(NotificationSettings.EVENTS),
                p.map(NotificationPreferences.Preference::onlyWhenChanged).orElse(false),
                new NotificationSettings.Email(p.map(NotificationPreferences.Preference::email).orElse(false),
                        address, email.available(), email.available() ? null : EmailSender.UNAVAILABLE),
                new NotificationSettings.Slack(p.map(NotificationPreferences.Preference::slackUrl).isPresent(),
                        NotificationSettings.masked(p.map(NotificationPreferences.Preference::slackUrl).orElse(null)),
                        slackHosts()),
                p.map(NotificationPreferences.Preference::updatedAt).orElse(null));
    }

    /** The hosts a Slack webhook may point to: the configured ones in production, any elsewhere. */
    private List<String> slackHosts() {
        return mode.production() ? properties.slackHosts() : List.of();
    }
}
