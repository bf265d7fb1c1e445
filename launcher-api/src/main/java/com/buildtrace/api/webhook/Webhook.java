package com.buildtrace.api.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A project's webhook as the API shows it.
 *
 * @param id its id
 * @param projectId its project
 * @param url where deliveries are posted
 * @param events the events it receives ({@code comparison.completed}, {@code comparison.failed})
 * @param secret the signing secret: in the answer to its creation only, null afterwards
 * @param enabled false once disabled after repeated failures
 * @param consecutiveFailures failed attempts since the last success
 * @param createdBy who created it
 * @param createdAt when
 * @param disabledAt when it was disabled, or null
 */
public record Webhook(UUID id, UUID projectId, String url, List<String> events, String secret, boolean enabled,
                      int consecutiveFailures, String createdBy, OffsetDateTime createdAt,
                      OffsetDateTime disabledAt) {

    public Webhook {
        events = List.copyOf(events);
    }
}
