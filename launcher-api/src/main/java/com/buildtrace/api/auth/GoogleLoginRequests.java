package com.buildtrace.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.util.WebUtils;

/**
 * Keeps a Google sign-in's authorization request (state, PKCE code verifier, nonce) between the redirect to
 * Google and the callback: in the database, by {@code state}, so whichever API instance gets the callback can
 * finish it, without a server session. The browser that started the sign-in also gets the state in an
 * HTTP-only cookie, and the callback must bring it back: a callback from another browser (a sign-in slipped to
 * someone else) is refused.
 */
final class GoogleLoginRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    private static final String COOKIE = "bt_oauth_state";

    private static final String COOKIE_PATH = "/api/v1/auth/google";

    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    private final boolean secureCookie;

    GoogleLoginRequests(JdbcClient jdbc, boolean secureCookie) {
        this.jdbc = jdbc;
        this.secureCookie = secureCookie;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter("state");
        jakarta.servlet.http.Cookie cookie = WebUtils.getCookie(request, COOKIE);
        if (state == null || cookie == null || !state.equals(cookie.getValue())) {
            return null;
        }
        return jdbc.sql("SELECT request FROM oauth_login WHERE state = ? AND expires_at > now()").param(state)
                .query(byte[].class).optional().map(GoogleLoginRequests::read).orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorization, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorization == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        jdbc.sql("INSERT INTO oauth_login (state, request, expires_at) VALUES (?, ?, now() + ?::interval)")
                .params(authorization.getState(), write(authorization), LIFETIME.toSeconds() + " seconds").update();
        cookie(response, authorization.getState(), LIFETIME);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
                                                                 HttpServletResponse response) {
        OAuth2AuthorizationRequest authorization = loadAuthorizationRequest(request);
        if (authorization != null) {
            jdbc.sql("DELETE FROM oauth_login WHERE state = ?").param(authorization.getState()).update();
            cookie(response, "", Duration.ZERO);
        }
        return authorization;
    }

    private void cookie(HttpServletResponse response, String value, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value).httpOnly(true)
                .secure(secureCookie).sameSite("Lax").path(COOKIE_PATH).maxAge(maxAge).build().toString());
    }

    private static byte[] write(OAuth2AuthorizationRequest authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(authorization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads back what {@link #write} stored (rows only this class writes). */
    private static OAuth2AuthorizationRequest read(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter(
                    "org.springframework.security.oauth2.**;java.util.**;java.lang.**;java.net.URI;!*"));
            return (OAuth2AuthorizationRequest) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a stored sign-in request cannot be read", e);
        }
    }
}
