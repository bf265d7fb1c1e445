package com.buildtrace.api.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The cookies that carry a browser's tokens: HTTP-only (scripts cannot read them), {@code Secure}, and
 * {@code SameSite} (Lax for the access token, so links into the app work; Strict for the refresh token, which
 * is only sent to {@code /api/v1/auth}).
 */
final class TokenCookies {

    /** The access token's cookie. */
    static final String ACCESS = "bt_access";

    /** The refresh token's cookie. */
    static final String REFRESH = "bt_refresh";

    private static final String REFRESH_PATH = "/api/v1/auth";

    private final boolean secure;

    TokenCookies(boolean secure) {
        this.secure = secure;
    }

    /** Sets both cookies. */
    void set(HttpServletResponse response, AccessTokens.AccessToken access, RefreshTokens.RefreshToken refresh) {
        add(response, ACCESS, access.value(), "/", "Lax", Duration.between(Instant.now(), access.expiresAt()));
        add(response, REFRESH, refresh.value(), REFRESH_PATH, "Strict",
                Duration.between(Instant.now(), refresh.expiresAt()));
    }

    /** Removes both cookies. */
    void clear(HttpServletResponse response) {
        add(response, ACCESS, "", "/", "Lax", Duration.ZERO);
        add(response, REFRESH, "", REFRESH_PATH, "Strict", Duration.ZERO);
    }

    /** The refresh token of the request's cookie, or null. */
    static String refreshToken(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (REFRESH.equals(c.getName()) && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private void add(HttpServletResponse response, String name, String value, String path, String sameSite,
                     Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value).httpOnly(true).secure(secure)
                .sameSite(sameSite).path(path).maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge).build().toString());
    }
}
