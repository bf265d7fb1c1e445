package com.buildtrace.api.auth;

import com.buildtrace.api.apikey.ApiKeys;
import com.buildtrace.api.monitoring.ApiMetrics;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/auth}: the development sign-in, who am I, refreshing and revoking tokens, signing out, and the
 * public keys of access tokens. Google sign-in ({@code /api/v1/auth/google/login} and its callback) is served
 * by the security filters when it is configured.
 */
@RestController
@Tag(name = "Sign-in")
class AuthController {

    private final SignIns signIns;

    private final UserRepository users;

    private final AccessTokens accessTokens;

    private final RefreshTokens refreshTokens;

    private final RevokedTokens revoked;

    private final ApiKeys keys;

    private final TokenCookies cookies;

    private final JwtKeys jwtKeys;

    private final AuthMode mode;

    private final AuthProperties properties;

    private final ApiMetrics metrics;

    AuthController(SignIns signIns, UserRepository users, AccessTokens accessTokens, RefreshTokens refreshTokens,
                   RevokedTokens revoked, ApiKeys keys, TokenCookies cookies, JwtKeys jwtKeys, AuthMode mode,
                   AuthProperties properties, ApiMetrics metrics) {
        this.signIns = signIns;
        this.users = users;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revoked = revoked;
        this.keys = keys;
        this.cookies = cookies;
        this.jwtKeys = jwtKeys;
        this.mode = mode;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * Whom the development sign-in signs in.
     *
     * @param email their e-mail address (default: the local user, buildtrace.auth.dev-user-email)
     * @param name their name
     */
    record DevSignIn(@Email @Size(max = 320) String email, @Size(max = 200) String name) {
    }

    @PostMapping("/api/v1/auth/dev/login")
    @Operation(summary = "Development sign-in (only where buildtrace.auth.dev-login is on: the embedded default, "
            + "never in production): tokens for the local user, or for the e-mail address given")
    TokenResponse devLogin(@Valid @RequestBody(required = false) DevSignIn body, HttpServletResponse response) {
        if (!mode.devLogin()) {
            throw ApiException.notFound("endpoint", "/api/v1/auth/dev/login (the development sign-in is off: "
                    + "buildtrace.auth.dev-login)");
        }
        String email = body == null || body.email() == null ? properties.devUserEmail() : body.email();
        String name = body == null || body.name() == null ? (email.equals(properties.devUserEmail()) ? "Local user"
                : null) : body.name();
        SignIns.SignedIn s = signIns.signIn(new SignIns.Identity(email, name, null), "dev");
        cookies.set(response, s.access(), s.refresh());
        return TokenResponse.of(s.access(), s.refresh(), s.user(), true);
    }

    @GetMapping("/api/v1/auth/google/login")
    @Operation(summary = "Google sign-in: redirects to Google (served here only while Google sign-in is not "
            + "configured, to say so)")
    ResponseEntity<Void> googleNotConfigured() {
        throw ApiException.notFound("endpoint", "/api/v1/auth/google/login (Google sign-in is not configured: "
                + "buildtrace.auth.google.client-id)");
    }

    /**
     * The signed-in user.
     *
     * @param user the user
     * @param authenticatedWith access_token or api_key
     * @param apiKeyId the API key of the request, if it came with one
     */
    record Me(User user, String authenticatedWith, java.util.UUID apiKeyId) {
    }

    @GetMapping("/api/v1/auth/me")
    @Operation(summary = "The signed-in user")
    Me me(Caller caller) {
        User user = users.find(caller.userId()).orElseThrow(() -> ApiException.unauthenticated("the user of this "
                + "token no longer exists"));
        return new Me(user, caller.viaApiKey() ? "api_key" : "access_token", caller.apiKeyId());
    }

    /** @param refreshToken the refresh token (or none: the refresh-token cookie) */
    record Refresh(String refreshToken) {
    }

    @PostMapping("/api/v1/auth/token/refresh")
    @Operation(summary = "A new access token and a new refresh token for a refresh token, which cannot be used "
            + "again (using it again revokes every token of its sign-in)")
    TokenResponse refresh(@RequestBody(required = false) Refresh body, HttpServletRequest request,
                          HttpServletResponse response) {
        String fromBody = body == null ? null : body.refreshToken();
        String token = fromBody != null && !fromBody.isBlank() ? fromBody.strip() : TokenCookies.refreshToken(request);
        if (token == null) {
            throw ApiException.invalid("send the refresh token as {\"refreshToken\": \"rt_...\"}");
        }
        RefreshTokens.RefreshToken next;
        try {
            next = refreshTokens.rotate(token);
        } catch (InvalidTokenException e) {
            metrics.signInFailed(ApiMetrics.SignInMethod.REFRESH);
            cookies.clear(response);
            throw ApiException.unauthenticated(e.getMessage());
        }
        AccessTokens.AccessToken access = accessTokens.issue(next.userId());
        boolean inBody = fromBody != null && !fromBody.isBlank();
        if (!inBody) {
            cookies.set(response, access, next);
        }
        return TokenResponse.of(access, next, users.find(next.userId()).orElseThrow(), inBody);
    }

    /** @param token an access token, a refresh token (rt_...) or an API key (bt_...) */
    record Revoke(String token) {
    }

    @PostMapping("/api/v1/auth/token/revoke")
    @Operation(summary = "Revoke a token (RFC 7009 style): an access token is refused until it expires, a refresh "
            + "token's whole sign-in ends, an API key is revoked. Unknown tokens are ignored")
    ResponseEntity<Void> revoke(@RequestBody(required = false) Revoke body) {
        if (body == null || body.token() == null || body.token().isBlank()) {
            throw ApiException.invalid("send the token to revoke as {\"token\": \"...\"}");
        }
        revokeToken(body.token().strip());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/auth/logout")
    @Operation(summary = "Sign out: the access token of the request and the refresh token (body or cookie) are "
            + "revoked, the cookies removed")
    ResponseEntity<Void> logout(@RequestBody(required = false) Refresh body, HttpServletRequest request,
                                HttpServletResponse response) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a instanceof CallerAuthentication c && c.getCredentials() != null) {
            revoked.revoke(c.getCredentials().jti(), c.getCredentials().userId(), c.getCredentials().expiresAt());
        }
        String refresh = body != null && body.refreshToken() != null ? body.refreshToken()
                : TokenCookies.refreshToken(request);
        if (refresh != null) {
            refreshTokens.revoke(refresh.strip());
        }
        cookies.clear(response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/auth/jwks.json")
    @Operation(summary = "The public keys that verify access tokens (JWK set), for services that check them")
    Map<String, Object> jwks() {
        return jwtKeys.publicKeys().toJSONObject(true);
    }

    private void revokeToken(String token) {
        if (token.startsWith(RefreshTokens.PREFIX)) {
            refreshTokens.revoke(token);
        } else if (token.startsWith(ApiKeys.PREFIX)) {
            keys.revoke(token);
        } else {
            try {
                AccessTokens.AccessToken t = accessTokens.verifySignature(token);
                revoked.revoke(t.jti(), t.userId(), t.expiresAt());
            } catch (InvalidTokenException e) {
                // not one of ours: nothing to revoke
            }
        }
    }
}
