package com.buildtrace.api.notification;

import com.buildtrace.api.outbox.JsonPost;
import com.buildtrace.api.outbox.Outbox;
import com.buildtrace.api.outbox.OutboxTables;
import com.buildtrace.api.outbox.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification worker. Every {@code buildtrace.notifications.poll-every} it forgets the preferences of
 * people who are no longer members (and cancels what was pending for them, or for a channel turned off), queues
 * a message per member and channel for each comparison of their projects that ended (completed or failed, as
 * each chose), and sends what is due through the {@link Outbox} of table {@code notification_delivery}: retried
 * with backoff, every attempt logged. The comparison itself never waits for a notification or fails with one.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationDispatcher implements Outbox.Channel<NotificationDispatcher.Due> {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    /** The outbox of notifications. */
    static final OutboxTables TABLES = new OutboxTables("notification_delivery", "notification_attempt");

    private static final int QUEUED_PER_RUN = 200;

    private final JdbcClient jdbc;

    private final NotificationPreferences preferences;

    private final ComparisonDigests digests;

    private final EmailSender email;

    private final JsonPost slack;

    private final Outbox<Due> outbox;

    NotificationDispatcher(JdbcClient jdbc, @Qualifier("transactionManager") PlatformTransactionManager tx,
                           NotificationProperties properties, NotificationPreferences preferences,
                           ComparisonDigests digests, EmailSender email) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.digests = digests;
        this.email = email;
        this.slack = new JsonPost(properties.timeout(), "BuildTrace-Notifications/1");
        this.outbox = new Outbox<>(TABLES, properties.retryDelays(), this, jdbc, tx);
    }

    @Scheduled(fixedDelayString = "${buildtrace.notifications.poll-every:5s}", initialDelayString = "PT2S")
    void run() {
        try {
            forgetFormerMembers();
            queueEndedComparisons();
            outbox.drain();
        } catch (RuntimeException e) {
            LOG.warn("notifications not sent this time: {}", e.getMessage());
        }
    }

    /**
     * Deletes the preferences of people who left a project (or of deleted projects) and cancels the messages
     * still pending for them, or for a channel its member turned off since.
     */
    void forgetFormerMembers() {
        jdbc.sql("""
                DELETE FROM notification_preference np WHERE NOT EXISTS (
                    SELECT 1 FROM project_member m JOIN project p ON p.id = m.project_id AND p.deleted_at IS NULL
                    WHERE m.project_id = np.project_id AND m.user_id = np.user_id)""").update();
        cancel("no longer a member of the project", "NOT EXISTS (SELECT 1 FROM notification_preference np "
                + "WHERE np.project_id = d.project_id AND np.user_id = d.user_id)");
        cancel("e-mail was turned off", "d.channel = 'email' AND NOT EXISTS (SELECT 1 FROM notification_preference "
                + "np WHERE np.project_id = d.project_id AND np.user_id = d.user_id AND np.email_since IS NOT NULL)");
        cancel("Slack was turned off or its webhook changed", "d.channel = 'slack' AND NOT EXISTS (SELECT 1 FROM "
                + "notification_preference np WHERE np.project_id = d.project_id AND np.user_id = d.user_id "
                + "AND np.slack_url = d.recipient)");
    }

    private void cancel(String why, String condition) {
        jdbc.sql("UPDATE notification_delivery d SET status = 'cancelled', note = ?, finished_at = now(), "
                + "next_attempt_at = NULL WHERE d.status = 'pending' AND " + condition).param(why).update();
    }

    /** Queues the ends of comparisons for every member and channel that asked for them; returns how many. */
    int queueEndedComparisons() {
        List<Map<String, Object>> ended = jdbc.sql("""
                WITH ended AS (
                    SELECT np.project_id, np.user_id, c.id AS comparison_id, 'comparison.' || c.status AS event,
                           c.finished_at, np.email_since, np.slack_url, np.slack_since, u.email AS address
                    FROM notification_preference np
                    JOIN project p ON p.id = np.project_id AND p.deleted_at IS NULL
                    JOIN project_member m ON m.project_id = np.project_id AND m.user_id = np.user_id
                    JOIN app_user u ON u.id = np.user_id
                    JOIN comparison c ON c.project_id = np.project_id
                    WHERE c.status IN ('completed', 'failed') AND ('comparison.' || c.status) = ANY (np.events)
                      AND c.finished_at >= LEAST(np.email_since, np.slack_since)
                      AND NOT (np.only_when_changed AND c.status = 'completed' AND NOT EXISTS (
                          SELECT 1 FROM sheet_pair_result r WHERE r.comparison_id = c.id
                          AND r.status IN ('changed', 'added', 'removed')))
                ), wanted AS (
                    SELECT project_id, user_id, comparison_id, event, finished_at, 'email' AS channel,
                           address AS recipient
                    FROM ended WHERE CAST(? AS boolean) AND email_since IS NOT NULL AND finished_at >= email_since
                    UNION ALL
                    SELECT project_id, user_id, comparison_id, event, finished_at, 'slack', slack_url
                    FROM ended WHERE slack_url IS NOT NULL AND finished_at >= slack_since
                )
                SELECT project_id, user_id, comparison_id, event, channel, recipient FROM wanted w
                WHERE NOT EXISTS (SELECT 1 FROM notification_delivery d WHERE d.user_id = w.user_id
                                  AND d.comparison_id = w.comparison_id AND d.channel = w.channel
                                  AND d.event = w.event)
                ORDER BY finished_at LIMIT ?""").params(email.available(), QUEUED_PER_RUN).query().listOfRows();
        Map<UUID, Optional<ComparisonDigest>> digested = new HashMap<>();
        int queued = 0;
        for (Map<String, Object> row : ended) {
            UUID comparison = (UUID) row.get("comparison_id");
            Optional<ComparisonDigest> digest = digested.computeIfAbsent(comparison, digests::of);
            if (digest.isPresent()) {
                Message m = message((String) row.get("channel"), digest.get(), false);
                queued += preferences.queue((UUID) row.get("project_id"), (String) row.get("user_id"),
                        (String) row.get("channel"), (String) row.get("event"), comparison,
                        (String) row.get("recipient"), m.subject(), m.payload()).isPresent() ? 1 : 0;
            }
        }
        return queued;
    }

    /** A message on a channel: its subject (or headline) and what is sent. */
    record Message(String subject, String payload) {
    }

    /** The message about a comparison on a channel ({@code test}: sent as a test). */
    static Message message(String channel, ComparisonDigest d, boolean test) {
        if (channel.equals("email")) {
            EmailMessage e = EmailMessage.of(d, test);
            return new Message(e.subject(), JsonMapper.shared().writeValueAsString(e));
        }
        return new Message((test ? "[Test] " : "") + d.headline(), SlackMessage.of(d, test));
    }

    /** A test message on a channel for a project none of whose comparisons has ended yet. */
    static Message test(String channel, String project, String link) {
        if (channel.equals("email")) {
            EmailMessage e = EmailMessage.test(project, link);
            return new Message(e.subject(), JsonMapper.shared().writeValueAsString(e));
        }
        return new Message(SlackMessage.TEST_HEADLINE, SlackMessage.test(project, link));
    }

    @Override
    public List<Due> due(int limit) {
        return jdbc.sql("""
                SELECT id, channel, recipient, payload, attempts FROM notification_delivery
                WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""").param(limit)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("payload"), rs.getInt("attempts"))).list();
    }

    @Override
    public Outcome send(Due d) {
        if (d.channel().equals("email")) {
            return email.send(d.recipient(), JsonMapper.shared().readValue(d.payload(), EmailMessage.class));
        }
        return slack.send(d.recipient(), d.payload(), Map.of());
    }

    /** A notification claimed for an attempt. */
    record Due(UUID id, String channel, String recipient, String payload, int attempts) implements Outbox.Pending {
    }

}
