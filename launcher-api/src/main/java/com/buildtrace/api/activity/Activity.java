package com.buildtrace.api.activity;

import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One entry of the activity log.
 *
 * @param id its id, increasing
 * @param projectId the project it concerns, or null (sign-ins, API keys)
 * @param userId who did it
 * @param userEmail their e-mail address
 * @param action what: signed_in, project_created, project_updated (each setting changed, from and to),
 *     project_deleted, revision_uploaded, comparison_launched, comparison_cancelled, comparison_restarted,
 *     summary_regenerated, summary_edited, comment_added, comment_edited, comment_deleted, member_added,
 *     member_invited, member_role_changed, member_removed, webhook_created, webhook_deleted, webhook_disabled,
 *     webhook_enabled, api_key_created, api_key_revoked (in the projects of a key limited to some),
 *     refresh_token_reused
 * @param detail what it was done to (ids, names, roles)
 * @param ip the address the request came from
 * @param at when
 */
public record Activity(long id, UUID projectId, String userId, String userEmail, String action, JsonNode detail,
                       String ip, OffsetDateTime at) {
}
