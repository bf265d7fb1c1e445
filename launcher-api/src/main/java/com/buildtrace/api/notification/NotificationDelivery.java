package com.buildtrace.api.notification;

import com.buildtrace.api.outbox.DeliveryAttempt;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One notification sent (or being sent) to a member, with its attempts: the member's delivery log.
 *
 * @param id its id
 * @param channel email or slack
 * @param event comparison.completed, comparison.failed or test
 * @param comparisonId the comparison it is about, or null
 * @param recipient the e-mail address, or the Slack webhook with its secret part hidden
 * @param subject the e-mail's subject (Slack: the message's headline)
 * @param status pending, delivered, failed or cancelled
 * @param note why it was cancelled (no longer a member, channel turned off), else null
 * @param nextAttemptAt when it is tried next while pending
 * @param createdAt when it was queued
 * @param finishedAt when it was delivered, given up or cancelled
 * @param attempts every attempt, first first
 */
public record NotificationDelivery(UUID id, String channel, String event, UUID comparisonId, String recipient,
                                   String subject, String status, String note, OffsetDateTime nextAttemptAt,
                                   OffsetDateTime createdAt, OffsetDateTime finishedAt,
                                   List<DeliveryAttempt> attempts) {

    public NotificationDelivery {
        attempts = List.copyOf(attempts);
    }
}
