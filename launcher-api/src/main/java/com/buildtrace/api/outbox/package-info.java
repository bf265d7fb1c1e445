/**
 * Messages to the outside world that must not be lost: an outbox table of deliveries that every API process
 * works with {@code FOR UPDATE SKIP LOCKED}, each attempt logged, failures retried with backoff
 * ({@link com.buildtrace.api.outbox.Outbox}); JSON posts to a receiver ({@link com.buildtrace.api.outbox.JsonPost})
 * and the check of a receiver's URL ({@link com.buildtrace.api.outbox.TargetUrls}). Webhooks and notifications
 * deliver through it.
 */
package com.buildtrace.api.outbox;
