package com.buildtrace.api.project;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A project.
 *
 * @param id its id
 * @param name its name
 * @param createdBy the user who created it
 * @param createdAt when
 * @param updatedAt last change of its name or settings
 * @param compareOnUpload every new revision of a drawing set is compared with the previous one
 * @param compareSchedule cron expression (second minute hour day month weekday) at which the latest two
 *     revisions of each drawing set are compared; null for none
 * @param role the caller's role in it: owner, editor or viewer
 */
public record Project(UUID id, String name, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                      boolean compareOnUpload, String compareSchedule, String role) {
}
