package com.buildtrace.api.webhook;

import com.buildtrace.api.outbox.DeliveryAttempt;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One event delivered (or being delivered) to a webhook, with its attempts.
 *
 * @param id its id (the {@code BuildTrace-Delivery} header)
 * @param event comparison.completed, comparison.failed or ping
 * @param comparisonId the comparison it is about, or null for a ping
 * @param status pending, delivered or failed
 * @param nextAttemptAt when it is tried next while pending
 * @param createdAt when it was queued
 * @param finishedAt when it was delivered or given up
 * @param attempts every attempt, first first
 */
public record WebhookDelivery(UUID id, String event, UUID comparisonId, String status, OffsetDateTime nextAttemptAt,
                              OffsetDateTime createdAt, OffsetDateTime finishedAt, List<DeliveryAttempt> attempts) {

    public WebhookDelivery {
        attempts = List.copyOf(attempts);
    }
}
