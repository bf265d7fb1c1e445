package com.buildtrace.api.webhook;

import com.buildtrace.api.system.Caller;
import com.buildtrace.api.system.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes webhooks, their deliveries and attempts (tables {@code webhook*}). */
@Repository
class Webhooks {

    /** The events a webhook can receive. */
    static final List<String> EVENTS = List.of("comparison.completed", "comparison.failed");

    private static final String COLUMNS = "id, project_id, url, events, enabled, consecutive_failures, created_by, "
            + "created_at, disabled_at";

    private final JdbcClient jdbc;

    Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new webhook with a new secret; the answer is the only one that carries the secret. */
    Webhook create(Caller caller, UUID project, String url, List<String> events) {
        UUID id = UUID.randomUUID();
        String secret = Secrets.generate("whsec_");
        jdbc.sql("INSERT INTO webhook (id, project_id, url, events, secret, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, project, url, events.toArray(String[]::new), secret, caller.userId()).update();
        Webhook w = find(project, id).orElseThrow();
        return new Webhook(w.id(), w.projectId(), w.url(), w.events(), secret, w.enabled(), w.consecutiveFailures(),
                w.createdBy(), w.createdAt(), w.disabledAt());
    }

    List<Webhook> list(UUID project) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE project_id = ? AND deleted_at IS NULL "
                        + "ORDER BY created_at, id").param(project).query(Webhooks::webhook).list();
    }

    Optional<Webhook> find(UUID project, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE project_id = ? AND id = ? AND deleted_at IS NULL")
                .params(project, id).query(Webhooks::webhook).optional();
    }

    /** Deletes a webhook: nothing more is delivered to it (its pending deliveries fail). */
    boolean delete(UUID project, UUID id) {
        int n = jdbc.sql("UPDATE webhook SET deleted_at = now(), enabled = false WHERE project_id = ? AND id = ? "
                + "AND deleted_at IS NULL").params(project, id).update();
        jdbc.sql("UPDATE webhook_delivery SET status = 'failed', finished_at = now(), next_attempt_at = NULL "
                + "WHERE webhook_id = ? AND status = 'pending'").param(id).update();
        return n == 1;
    }

    /** Enables a disabled webhook again, its count of consecutive failures back to zero; false if it was enabled. */
    boolean enable(UUID id) {
        return jdbc.sql("UPDATE webhook SET enabled = true, disabled_at = NULL, consecutive_failures = 0 "
                + "WHERE id = ? AND NOT enabled AND deleted_at IS NULL").param(id).update() == 1;
    }

    /** Queues a ping to a webhook, due now. */
    UUID ping(Webhook w) {
        UUID id = UUID.randomUUID();
        Map<String, Object> payload = Map.of("event", "ping", "deliveryId", id, "webhookId", w.id(),
                "project", Map.of("id", w.projectId()), "sentFor", "a test requested by a project owner");
        jdbc.sql("INSERT INTO webhook_delivery (id, webhook_id, event, payload, status, next_attempt_at) "
                        + "VALUES (?, ?, 'ping', ?, 'pending', now())")
                .params(id, w.id(), JsonMapper.shared().writeValueAsString(payload)).update();
        return id;
    }

    /** A webhook's deliveries, newest first, each with its attempts. */
    List<WebhookDelivery> deliveries(UUID webhook, int limit) {
        List<WebhookDelivery> list = jdbc.sql("""
                SELECT id, event, comparison_id, status, next_attempt_at, created_at, finished_at
                FROM webhook_delivery WHERE webhook_id = ? ORDER BY created_at DESC, id LIMIT ?""")
                .params(webhook, limit)
                .query((rs, row) -> new WebhookDelivery(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), List.of()))
                .list();
        return list.stream().map(d -> new WebhookDelivery(d.id(), d.event(), d.comparisonId(), d.status(),
                d.nextAttemptAt(), d.createdAt(), d.finishedAt(), WebhookDispatcher.TABLES.attemptsOf(jdbc, d.id())))
                .toList();
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("url"), Arrays.asList((String[]) rs.getArray("events").getArray()), null,
                rs.getBoolean("enabled"), rs.getInt("consecutive_failures"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("disabled_at", OffsetDateTime.class));
    }
}
