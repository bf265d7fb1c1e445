package com.buildtrace.api.system;

import java.util.Objects;
import java.util.UUID;

/**
 * Who makes a request: a signed-in user, or a user through one of their API keys. Every query of the API is
 * scoped by what the caller may see ({@code ProjectAccess.VISIBLE} with {@link #principal()}); see
 * {@link CallerResolver}.
 *
 * @param userId the user's id (recorded as who created or requested something)
 * @param apiKeyId the API key the request came with, or null for a signed-in user
 */
public record Caller(String userId, UUID apiKeyId) {

    /** The user of the development sign-in (the embedded default). */
    public static final Caller LOCAL = new Caller("local");

    public Caller {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
    }

    /** A signed-in user. */
    public Caller(String userId) {
        this(userId, null);
    }

    /**
     * Whom the project access rules are looked up for: the user, or the API key (which reaches only its
     * projects). The one parameter of {@code ProjectAccess.VISIBLE}.
     */
    public String principal() {
        return apiKeyId == null ? userId : "key:" + apiKeyId;
    }

    /** True when the request came with an API key rather than a sign-in. */
    public boolean viaApiKey() {
        return apiKeyId != null;
    }
}
