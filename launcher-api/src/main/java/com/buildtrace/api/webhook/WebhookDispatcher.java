package com.buildtrace.api.webhook;

import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.outbox.JsonPost;
import com.buildtrace.api.outbox.Outbox;
import com.buildtrace.api.outbox.OutboxTables;
import com.buildtrace.api.outbox.Outcome;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery worker. Every {@code buildtrace.webhooks.poll-every} it queues the end of every comparison of a
 * project with webhooks (completed or failed, once per webhook and event) and makes the attempts that are due
 * through the {@link Outbox} of table {@code webhook_delivery}, so that several processes share the work and a
 * restart loses nothing. A failed attempt is retried after the next of {@code retry-delays}; a webhook whose
 * attempts failed {@code disable-after} times in a row is disabled, which the project's activity log records.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookDispatcher implements Outbox.Channel<WebhookDispatcher.Due> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** The activity log's user for what the system does by itself. */
    static final String SYSTEM_USER = "system";

    /** The outbox of webhook deliveries. */
    static final OutboxTables TABLES = new OutboxTables("webhook_delivery", "webhook_attempt");

    private final JdbcClient jdbc;

    private final WebhookProperties properties;

    private final ActivityLog activity;

    private final Outbox<Due> outbox;

    private final JsonPost post;

    private final Clock clock = Clock.systemUTC();

    WebhookDispatcher(JdbcClient jdbc, @Qualifier("transactionManager") PlatformTransactionManager tx,
                      WebhookProperties properties, ActivityLog activity) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.activity = activity;
        this.outbox = new Outbox<>(TABLES, properties.retryDelays(), this, jdbc, tx);
        this.post = new JsonPost(properties.timeout(), "BuildTrace-Webhooks/1");
    }

    @Scheduled(fixedDelayString = "${buildtrace.webhooks.poll-every:5s}", initialDelayString = "PT2S")
    void run() {
        try {
            queueEndedComparisons();
            outbox.drain();
        } catch (RuntimeException e) {
            LOG.warn("webhook deliveries not made this time: {}", e.getMessage());
        }
    }

    /** Queues a delivery per enabled webhook for each comparison of its project that ended after its creation. */
    int queueEndedComparisons() {
        List<Map<String, Object>> ended = jdbc.sql("""
                SELECT w.id AS webhook_id, c.id AS comparison_id, 'comparison.' || c.status AS event
                FROM webhook w JOIN project p ON p.id = w.project_id AND p.deleted_at IS NULL
                JOIN comparison c ON c.project_id = w.project_id
                WHERE w.enabled AND w.deleted_at IS NULL AND c.status IN ('completed', 'failed')
                  AND c.finished_at >= w.created_at AND ('comparison.' || c.status) = ANY (w.events)
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.webhook_id = w.id
                                  AND d.comparison_id = c.id AND d.event = 'comparison.' || c.status)
                ORDER BY c.finished_at LIMIT 500""").query().listOfRows();
        int queued = 0;
        for (Map<String, Object> row : ended) {
            UUID delivery = UUID.randomUUID();
            UUID comparison = (UUID) row.get("comparison_id");
            String event = (String) row.get("event");
            queued += jdbc.sql("""
                    INSERT INTO webhook_delivery (id, webhook_id, event, comparison_id, payload, status, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, 'pending', now()) ON CONFLICT DO NOTHING""")
                    .params(delivery, row.get("webhook_id"), event, comparison, payload(delivery, event, comparison))
                    .update();
        }
        return queued;
    }

    /** The JSON body of a comparison event: the event, the comparison, its project, revisions, counts and links. */
    private String payload(UUID delivery, String event, UUID comparison) {
        JsonNode c = JsonMapper.shared().readTree(jdbc.sql("""
                SELECT jsonb_build_object(
                    'id', c.id, 'status', c.status, 'error', c.error, 'trigger', c.trigger,
                    'requestedBy', c.requested_by, 'createdAt', c.created_at, 'startedAt', c.started_at,
                    'finishedAt', c.finished_at, 'sheetsTotal', c.sheets_total,
                    'project', jsonb_build_object('id', p.id, 'name', p.name),
                    'oldRevision', CASE WHEN o.id IS NOT NULL THEN jsonb_build_object('id', o.id, 'label', o.label,
                                       'setId', os.id, 'setName', os.name) END,
                    'newRevision', CASE WHEN n.id IS NOT NULL THEN jsonb_build_object('id', n.id, 'label', n.label,
                                       'setId', ns.id, 'setName', ns.name) END,
                    'counts', (SELECT COALESCE(jsonb_object_agg(status, k), '{}'::jsonb)
                               FROM (SELECT status, count(*) AS k FROM sheet_pair_result r
                                     WHERE r.comparison_id = c.id GROUP BY status) x))::text
                FROM comparison c JOIN project p ON p.id = c.project_id
                LEFT JOIN revision o ON o.id = c.old_revision_id LEFT JOIN drawing_set os ON os.id = o.set_id
                LEFT JOIN revision n ON n.id = c.new_revision_id LEFT JOIN drawing_set ns ON ns.id = n.set_id
                WHERE c.id = ?""").param(comparison).query(String.class).single());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String s : List.of("changed", "unchanged", "added", "removed", "failed")) {
            counts.put(s, c.get("counts").has(s) ? c.get("counts").get(s).asInt() : 0);
        }
        String base = "/api/v1/comparisons/" + comparison;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("deliveryId", delivery);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", comparison);
        for (String field : List.of("status", "error", "trigger", "requestedBy", "createdAt", "startedAt",
                "finishedAt", "sheetsTotal")) {
            about.put(field, c.get(field));
        }
        about.put("counts", counts);
        body.put("comparison", about);
        body.put("project", c.get("project"));
        body.put("oldRevision", c.get("oldRevision"));
        body.put("newRevision", c.get("newRevision"));
        body.put("links", Map.of("self", base, "sheets", base + "/sheets", "report", base + "/report/",
                "result", base + "/result.json"));
        return JsonMapper.shared().writeValueAsString(body);
    }

    @Override
    public List<Due> due(int limit) {
        return jdbc.sql("""
                SELECT d.id, d.event, d.payload, d.attempts, w.id AS webhook_id, w.project_id, w.url, w.secret
                FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND w.enabled AND w.deleted_at IS NULL
                ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED""").param(limit)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("event"),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getObject("webhook_id", UUID.class),
                        rs.getObject("project_id", UUID.class), rs.getString("url"), rs.getString("secret")))
                .list();
    }

    @Override
    public Outcome send(Due d) {
        return post.send(d.url(), d.payload(), Map.of("BuildTrace-Event", d.event(),
                "BuildTrace-Delivery", d.id().toString(),
                "BuildTrace-Signature", WebhookSignature.header(d.secret(), clock.instant().getEpochSecond(),
                        d.payload())));
    }

    /** Counts the webhook's consecutive failures; disables it after {@code disable-after}. */
    @Override
    public void attempted(Due d, Outcome outcome, boolean gaveUp) {
        if (outcome.ok()) {
            jdbc.sql("UPDATE webhook SET consecutive_failures = 0 WHERE id = ?").param(d.webhookId()).update();
            return;
        }
        int failures = jdbc.sql("UPDATE webhook SET consecutive_failures = consecutive_failures + 1 WHERE id = ? "
                + "RETURNING consecutive_failures").param(d.webhookId()).query(Integer.class).single();
        if (failures >= properties.disableAfter() && jdbc.sql("UPDATE webhook SET enabled = false, "
                + "disabled_at = now() WHERE id = ? AND enabled").param(d.webhookId()).update() == 1) {
            jdbc.sql("UPDATE webhook_delivery SET status = 'failed', finished_at = now(), next_attempt_at = NULL "
                    + "WHERE webhook_id = ? AND status = 'pending'").param(d.webhookId()).update();
            activity.record(SYSTEM_USER, d.projectId(), "webhook_disabled", Map.of("webhookId", d.webhookId(),
                    "url", d.url(), "consecutiveFailures", failures, "lastError", outcome.error()));
            LOG.warn("webhook {} to {} disabled after {} failed attempts in a row", d.webhookId(), d.url(), failures);
        }
    }

    /** A delivery claimed for an attempt, with its webhook. */
    record Due(UUID id, String event, String payload, int attempts, UUID webhookId, UUID projectId,
               String url, String secret) implements Outbox.Pending {
    }
}
