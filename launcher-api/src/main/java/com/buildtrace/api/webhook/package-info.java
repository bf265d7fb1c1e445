/**
 * Per-project webhooks: owners register HTTPS endpoints that are told, with a signed JSON request, when a
 * comparison of the project completes or fails; deliveries are retried with backoff from a table, logged per
 * attempt, and a webhook that keeps failing is disabled.
 */
package com.buildtrace.api.webhook;
