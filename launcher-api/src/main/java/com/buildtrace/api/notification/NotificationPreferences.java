package com.buildtrace.api.notification;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes members' notification preferences and their deliveries (tables {@code notification_*}). */
@Repository
class NotificationPreferences {

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A member's stored preference.
     *
     * @param events the events that notify
     * @param onlyWhenChanged completed comparisons only when something changed
     * @param email e-mail is on
     * @param slackUrl the Slack webhook, or null when Slack is off
     * @param updatedAt when it was last saved
     */
    record Preference(List<String> events, boolean onlyWhenChanged, boolean email, String slackUrl,
                      OffsetDateTime updatedAt) {
    }

    Optional<Preference> find(UUID project, String user) {
        return jdbc.sql("SELECT events, only_when_changed, email_since IS NOT NULL, slack_url, updated_at "
                        + "FROM notification_preference WHERE project_id = ? AND user_id = ?")
                .params(project, user)
                .query((rs, row) -> new Preference(Arrays.asList((String[]) rs.getArray(1).getArray()),
                        rs.getBoolean(2), rs.getBoolean(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).optional();
    }

    /**
     * Saves a preference. A channel turned on (or a Slack webhook changed) counts from now: comparisons that
     * ended before are not sent to it.
     */
    void save(UUID project, String user, List<String> events, boolean onlyWhenChanged, boolean email,
              String slackUrl) {
        jdbc.sql("""
                INSERT INTO notification_preference AS np (project_id, user_id, events, only_when_changed,
                                                           email_since, slack_url, slack_since)
                VALUES (?, ?, ?, ?, CASE WHEN ? THEN now() END, ?, CASE WHEN CAST(? AS text) IS NOT NULL THEN now() END)
                ON CONFLICT (project_id, user_id) DO UPDATE SET
                    events = EXCLUDED.events, only_when_changed = EXCLUDED.only_when_changed,
                    email_since = CASE WHEN EXCLUDED.email_since IS NULL THEN NULL
                                       ELSE COALESCE(np.email_since, EXCLUDED.email_since) END,
                    slack_since = CASE WHEN EXCLUDED.slack_url IS NULL THEN NULL
                                       WHEN EXCLUDED.slack_url = np.slack_url THEN np.slack_since
                                       ELSE EXCLUDED.slack_since END,
                    slack_url = EXCLUDED.slack_url, updated_at = now()""")
                .params(project, user, events.toArray(String[]::new), onlyWhenChanged, email, slackUrl, slackUrl)
                .update();
    }

    /**
     * Queues one message, due now; nothing when this member was already sent this event of this comparison on
     * this channel.
     *
     * @return its id, or empty when it was queued before
     */
    Optional<UUID> queue(UUID project, String user, String channel, String event, UUID comparison, String recipient,
                         String subject, String payload) {
        UUID id = UUID.randomUUID();
        int n = jdbc.sql("""
                INSERT INTO notification_delivery (id, project_id, user_id, channel, event, comparison_id, recipient,
                                                   subject, payload, status, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', now()) ON CONFLICT DO NOTHING""")
                .params(id, project, user, channel, event, comparison, recipient, subject, payload).update();
        return n == 1 ? Optional.of(id) : Optional.empty();
    }

    /** A member's deliveries in a project, newest first, each with its attempts. */
    List<NotificationDelivery> deliveries(UUID project, String user, int limit) {
        List<NotificationDelivery> list = jdbc.sql("""
                SELECT id, channel, event, comparison_id, recipient, subject, status, note, next_attempt_at,
                       created_at, finished_at
                FROM notification_delivery WHERE project_id = ? AND user_id = ?
                ORDER BY created_at DESC, id LIMIT ?""")
                .params(project, user, limit)
                .query((rs, row) -> new NotificationDelivery(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getString(2).equals("slack")
                        ? NotificationSettings.masked(rs.getString(5)) : rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class), List.of()))
                .list();
        return list.stream().map(d -> new NotificationDelivery(d.id(), d.channel(), d.event(), d.comparisonId(),
                d.recipient(), d.subject(), d.status(), d.note(), d.nextAttemptAt(), d.createdAt(), d.finishedAt(),
                NotificationDispatcher.TABLES.attemptsOf(jdbc, d.id()))).toList();
    }
}
