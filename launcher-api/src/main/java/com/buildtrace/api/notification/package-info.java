/**
 * Notifications of comparison events to project members, each by their own choice: which events (completed,
 * failed, only when something changed) and which channels, e-mail to their account's address (multipart text
 * and HTML through Spring's {@code JavaMailSender}) and Slack (a Block Kit message to their incoming webhook).
 * What a message says is a {@link com.buildtrace.api.notification.ComparisonDigest}; messages are queued in the
 * table {@code notification_delivery} and sent through the shared outbox, retried with backoff.
 */
package com.buildtrace.api.notification;
