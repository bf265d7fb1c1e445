package com.buildtrace.api.outbox;

import java.time.OffsetDateTime;

/**
 * One attempt at a delivery, as its log shows it.
 *
 * @param attempt 1, 2, ...
 * @param at when it was made
 * @param statusCode the receiver's HTTP status, or null when there is none (not reached, or not HTTP)
 * @param durationMs how long it took
 * @param error why it failed, or null when it succeeded
 */
public record DeliveryAttempt(int attempt, OffsetDateTime at, Integer statusCode, long durationMs, String error) {
}
