package com.buildtrace.api.webhook;

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
                              OffsetDateTime createdAt, OffsetDateTime finishedAt, List<Attempt> attempts) {

    public WebhookDelivery {
        attempts = List.copyOf(attempts);
    }

    /**
     * One attempt.
     *
     * @param attempt 1, 2, ...
     * @param at when it was made
     * @param statusCode the receiver's HTTP status, or null when it could not be reached
     * @param durationMs how long it took
     * @param error why it failed, or null when it succeeded
     */
    public record Attempt(int attempt, OffsetDateTime at, Integer statusCode, long durationMs, String error) {
    }
}
