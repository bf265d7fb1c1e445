package com.buildtrace.api.comment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A comment.
 *
 * @param id its id
 * @param comparisonId the comparison it is on
 * @param sheet the sheet (its index in the comparison, as in {@code /sheets/{n}}), or null for the comparison
 * @param regionId the change region of that sheet, or null
 * @param author the user who wrote it
 * @param body its text
 * @param mentions user ids of the members it mentions
 * @param createdAt when it was written
 * @param updatedAt when it was last edited (equal to createdAt when never)
 */
public record Comment(UUID id, UUID comparisonId, Integer sheet, String regionId, String author, String body,
                      List<String> mentions, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public Comment {
        mentions = List.copyOf(mentions);
    }

    /** True when it was edited after it was written. */
    @com.fasterxml.jackson.annotation.JsonProperty("edited")
    public boolean edited() {
        return updatedAt != null && createdAt != null && updatedAt.isAfter(createdAt);
    }
}
