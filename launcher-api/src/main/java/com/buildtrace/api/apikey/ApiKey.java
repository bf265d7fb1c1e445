package com.buildtrace.api.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An API key as its user sees it.
 *
 * @param id its id
 * @param name what its user called it
 * @param prefix its first characters, to recognise it
 * @param projects the projects it reaches, or null for all of its user's projects
 * @param createdAt when it was created
 * @param lastUsedAt when a request last came with it (to the minute), or null
 * @param revokedAt when it was revoked, or null
 * @param key the key itself: only in the answer that created it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(UUID id, String name, String prefix, List<UUID> projects, OffsetDateTime createdAt,
                     OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, String key) {
}
