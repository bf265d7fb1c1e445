package com.buildtrace.api.auth;

import com.buildtrace.api.monitoring.ApiMetrics;
import com.buildtrace.api.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Google sign-in through Spring Security's OAuth2 client: {@code GET /api/v1/auth/google/login} redirects to
 * Google (authorization code with PKCE, a {@code state} and a {@code nonce}); Google sends the browser back to
 * {@code /api/v1/auth/google/callback}, where the code is exchanged and the ID token checked (signature by the
 * provider's keys, issuer, audience, expiry, nonce). A verified e-mail address of an allowed domain signs in:
 * the tokens go to HTTP-only cookies, never into the address the browser is sent on to.
 */
final class GoogleSignIn {

    /** Where a sign-in starts. */
    static final String LOGIN_PATH = "/api/v1/auth/google/login";

    /** Where the provider sends the browser back. */
    static final String CALLBACK_PATH = "/api/v1/auth/google/callback";

    private final AuthProperties.Google settings;

    private final SignIns signIns;

    private final TokenCookies cookies;

    GoogleSignIn(AuthProperties.Google settings, SignIns signIns, TokenCookies cookies) {
        this.settings = settings;
        this.signIns = signIns;
        this.cookies = cookies;
    }

    /** Starts a sign-in at {@link #LOGIN_PATH}, with PKCE (S256). */
    OAuth2AuthorizationRequestResolver requestResolver(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver delegate =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/api/v1/auth/oauth2");
        delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return LOGIN_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))
                        ? delegate.resolve(request, GoogleRegistrations.ID) : null;
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return delegate.resolve(request, registrationId);
            }
        };
    }

    /** Reads the user from the ID token, refusing unverified addresses and domains not allowed. */
    OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            String email = user.getEmail();
            if (email == null || !Boolean.TRUE.equals(user.getEmailVerified())) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                        "the Google account has no verified e-mail address", null));
            }
            if (!settings.allows(email)) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "e-mail addresses of "
                        + email.substring(email.indexOf('@') + 1) + " may not sign in here (allowed: "
                        + String.join(", ", settings.allowedDomains()) + ")", null));
            }
            return user;
        };
    }

    /** Signs the user in: tokens in cookies, then on to the configured page. */
    AuthenticationSuccessHandler successHandler() {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            OidcUser user = (OidcUser) authentication.getPrincipal();
            SignIns.SignedIn signedIn = signIns.signIn(new SignIns.Identity(user.getEmail(), user.getFullName(),
                    user.getSubject()), "google");
            cookies.set(response, signedIn.access(), signedIn.refresh());
            response.sendRedirect(settings.successRedirect());
        };
    }

    /** A refused or failed sign-in, as a problem detail (403 for a refused account, else 401). */
    static AuthenticationFailureHandler failureHandler(ApiMetrics metrics) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            metrics.signInFailed(ApiMetrics.SignInMethod.GOOGLE);
            boolean denied = e instanceof OAuth2AuthenticationException o
                    && "access_denied".equals(o.getError().getErrorCode());
            String reason = e instanceof OAuth2AuthenticationException o && o.getError().getDescription() != null
                    ? o.getError().getDescription() : e.getMessage();
            write(response, denied, "Google sign-in failed: " + reason);
        };
    }

    private static void write(HttpServletResponse response, boolean denied, String detail) throws IOException {
        ProblemResponses.write(response, denied ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED,
                denied ? "Sign-in refused" : "Sign-in failed", detail);
    }
}
