package com.buildtrace.api.member;

import java.time.OffsetDateTime;

/**
 * A member of a project, or an invitation to become one.
 *
 * @param userId the user, or null for an invitation (the e-mail address has not signed in yet)
 * @param email their e-mail address
 * @param name their name, if known
 * @param role owner, editor or viewer
 * @param status member, or invited
 * @param addedBy who added or invited them
 * @param addedAt when
 */
public record Member(String userId, String email, String name, String role, String status, String addedBy,
                     OffsetDateTime addedAt) {
}
