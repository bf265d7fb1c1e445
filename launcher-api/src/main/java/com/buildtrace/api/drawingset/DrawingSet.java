package com.buildtrace.api.drawingset;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A drawing set of a project ("Architectural", "Structural", ...), re-issued as revisions.
 *
 * @param id its id
 * @param projectId its project
 * @param name its name
 * @param revisions how many revisions it has
 * @param latestRevisionId its newest revision, or null
 * @param createdAt when it was created
 */
public record DrawingSet(UUID id, UUID projectId, String name, int revisions, UUID latestRevisionId,
                         OffsetDateTime createdAt) {
}
