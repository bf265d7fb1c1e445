package com.buildtrace.api.auth;

import com.buildtrace.api.apikey.ApiKeys;
import com.buildtrace.api.monitoring.ApiMetrics;
import com.buildtrace.api.system.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request from what it carries, in this order: {@code Authorization: Bearer} with an access
 * token or an API key ({@code bt_...}), {@code X-API-Key}, or the access-token cookie of a browser. A request
 * whose credential is not accepted goes on anonymous with the reason kept in the request attribute
 * {@link #REFUSED}: the public endpoints serve it, every other endpoint answers 401 with that reason.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

    /** The header that may carry an API key. */
    static final String API_KEY_HEADER = "X-API-Key";

    /** Request attribute: why the request's credential was refused ({@link InvalidTokenException}). */
    static final String REFUSED = TokenAuthenticationFilter.class.getName() + ".refused";

    private final AccessTokens tokens;

    private final ApiKeys keys;

    private final ApiMetrics metrics;

    TokenAuthenticationFilter(AccessTokens tokens, ApiKeys keys, ApiMetrics metrics) {
        this.tokens = tokens;
        this.keys = keys;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String credential = credential(request);
        if (credential != null) {
            try {
                SecurityContextHolder.getContext().setAuthentication(authenticate(credential));
            } catch (InvalidTokenException e) {
                // goes on anonymous: a public endpoint (refresh, sign-out) works with a stale cookie, any other
                // answers 401 saying what was wrong with the credential
                SecurityContextHolder.clearContext();
                request.setAttribute(REFUSED, e);
                metrics.signInFailed(ApiMetrics.SignInMethod.CREDENTIAL);
            }
        }
        chain.doFilter(request, response);
    }

    private CallerAuthentication authenticate(String credential) {
        if (credential.startsWith(ApiKeys.PREFIX)) {
            Caller caller = keys.authenticate(credential)
                    .orElseThrow(() -> new InvalidTokenException("the API key is not valid or was revoked"));
            return new CallerAuthentication(caller, null);
        }
        AccessTokens.AccessToken token = tokens.verify(credential);
        return new CallerAuthentication(new Caller(token.userId()), token);
    }

    /** The credential the request carries, or null. */
    static String credential(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (TokenCookies.ACCESS.equals(c.getName()) && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
