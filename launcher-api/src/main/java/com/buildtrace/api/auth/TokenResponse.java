package com.buildtrace.api.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Tokens handed out by a sign-in or a refresh.
 *
 * @param accessToken the access token: send it as {@code Authorization: Bearer ...}
 * @param tokenType always Bearer
 * @param expiresIn seconds until the access token expires
 * @param expiresAt when it expires
 * @param refreshToken the refresh token for {@code POST /api/v1/auth/token/refresh} (absent when it travels
 *     in its cookie)
 * @param refreshExpiresAt when the refresh token expires
 * @param user who is signed in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt,
                            String refreshToken, Instant refreshExpiresAt, User user) {

    static TokenResponse of(AccessTokens.AccessToken access, RefreshTokens.RefreshToken refresh, User user,
                            boolean refreshInBody) {
        return new TokenResponse(access.value(), "Bearer",
                Math.max(0, java.time.Duration.between(Instant.now(), access.expiresAt()).toSeconds()),
                access.expiresAt(), refreshInBody ? refresh.value() : null, refresh.expiresAt(), user);
    }
}
