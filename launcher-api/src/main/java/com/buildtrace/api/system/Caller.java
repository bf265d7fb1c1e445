package com.buildtrace.api.system;

import java.util.Objects;

/**
 * Who makes a request. Every query of the API is scoped by what the caller may see; see
 * {@link CallerResolver}.
 *
 * @param userId the user's id
 */
public record Caller(String userId) {

    /** The one user of a single-user installation (the embedded default, before sign-in exists). */
    public static final Caller LOCAL = new Caller("local");

    /** The scheduler, launching comparisons on a project's behalf. */
    public static final Caller SCHEDULER = new Caller("scheduler");

    public Caller {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
    }
}
