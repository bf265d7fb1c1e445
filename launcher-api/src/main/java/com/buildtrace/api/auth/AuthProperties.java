package com.buildtrace.api.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and tokens ({@code buildtrace.auth.*}).
 *
 * @param production a production installation: the access-token keys must be configured (no key generated at
 *     start-up) and the development sign-in must be off (default false; also true with the Spring profile
 *     {@code production})
 * @param devLogin the development sign-in {@code POST /api/v1/auth/dev/login}, which signs anyone in without
 *     a password (default: on with the embedded database, off with a configured one; never in production)
 * @param devUserEmail the e-mail of the user the development sign-in signs in when the request names none
 *     (user id {@code local}; default {@code local@localhost})
 * @param accessTokenLifetime lifetime of an access token (default 1 hour)
 * @param refreshTokenLifetime lifetime of a refresh token, renewed at each rotation (default 30 days)
 * @param refreshReuseGrace how long after its rotation a refresh token is still exchanged (for a new token of
 *     its family) rather than taken as stolen: two browser tabs whose access token expired at once both refresh
 *     with the same cookie (default 15 seconds; 0 turns it off)
 * @param issuer the {@code iss} of access tokens (default {@code buildtrace})
 * @param cookieSecure cookies carry the {@code Secure} attribute (default true; browsers send them to
 *     http://localhost too)
 * @param defaultProjectName the project a user gets at their first sign-in (default "My First Project")
 * @param jwt the keys access tokens are signed with
 * @param google Google sign-in
 */
@ConfigurationProperties("buildtrace.auth")
public record AuthProperties(Boolean production, Boolean devLogin, String devUserEmail, Duration accessTokenLifetime,
                             Duration refreshTokenLifetime, Duration refreshReuseGrace, String issuer, Boolean cookieSecure,
                             String defaultProjectName, Jwt jwt, Google google) {

    public AuthProperties {
        production = Boolean.TRUE.equals(production);
        devUserEmail = devUserEmail == null || devUserEmail.isBlank() ? "local@localhost"
                : devUserEmail.strip().toLowerCase(Locale.ROOT);
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofHours(1) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(30) : refreshTokenLifetime;
        refreshReuseGrace = refreshReuseGrace == null ? Duration.ofSeconds(15) : refreshReuseGrace;
        if (refreshReuseGrace.isNegative() || refreshReuseGrace.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("buildtrace.auth.refresh-reuse-grace must be between 0 and 1 minute");
        }
        issuer = issuer == null || issuer.isBlank() ? "buildtrace" : issuer;
        cookieSecure = cookieSecure == null || cookieSecure;
        defaultProjectName = defaultProjectName == null || defaultProjectName.isBlank() ? "My First Project"
                : defaultProjectName.strip();
        jwt = jwt == null ? new Jwt(null, null, null) : jwt;
        google = google == null ? new Google(null, null, null, null, null, null) : google;
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()
                || refreshTokenLifetime.compareTo(accessTokenLifetime) < 0) {
            throw new IllegalArgumentException("buildtrace.auth: access-token-lifetime must be positive and "
                    + "refresh-token-lifetime at least as long");
        }
    }

    /**
     * The keys of access tokens: ES256 (EC P-256) or RS256 (RSA, 2048 bits or more) private keys, each with a
     * {@code kid}. All of them verify tokens; one signs. To rotate: add the new key, make it the signing key,
     * and remove the old one once the last token it signed has expired (an access-token lifetime later).
     *
     * @param keys a JWK set (JSON) of private keys (public-only keys verify but cannot sign); usually from the
     *     environment, {@code BUILDTRACE_AUTH_JWT_KEYS}
     * @param keysLocation a mounted secret instead: a file holding the JWK set
     * @param signingKey the {@code kid} of the key that signs (default: the first private key)
     */
    public record Jwt(String keys, Path keysLocation, String signingKey) {
    }

    /**
     * Google sign-in (OpenID Connect, authorization code with PKCE). Off until a client id is set.
     *
     * @param clientId the OAuth client id (Google Cloud console, "Web application")
     * @param clientSecret its secret
     * @param issuerUri the OpenID provider (default https://accounts.google.com; its discovery document gives the
     *     endpoints and keys)
     * @param redirectUri where the provider sends the browser back; register it with the client (default
     *     {@code {baseUrl}/api/v1/auth/google/callback})
     * @param allowedDomains e-mail domains that may sign in (empty: any verified Google account)
     * @param successRedirect where the browser goes after signing in, its tokens in cookies (default {@code /})
     */
    public record Google(String clientId, String clientSecret, String issuerUri, String redirectUri,
                         List<String> allowedDomains, String successRedirect) {

        public Google {
            issuerUri = issuerUri == null || issuerUri.isBlank() ? "https://accounts.google.com" : issuerUri.strip();
            redirectUri = redirectUri == null || redirectUri.isBlank() ? "{baseUrl}/api/v1/auth/google/callback"
                    : redirectUri.strip();
            allowedDomains = allowedDomains == null ? List.of() : allowedDomains.stream().map(String::strip)
                    .filter(d -> !d.isEmpty()).map(d -> d.toLowerCase(Locale.ROOT)).toList();
            successRedirect = successRedirect == null || successRedirect.isBlank() ? "/" : successRedirect.strip();
        }

        /** True when a client id is configured. */
        public boolean enabled() {
            return clientId != null && !clientId.isBlank();
        }

        /** True when an address of this e-mail may sign in. */
        public boolean allows(String email) {
            if (allowedDomains.isEmpty()) {
                return true;
            }
            String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            return allowedDomains.contains(domain);
        }
    }
}
