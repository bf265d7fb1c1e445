package com.buildtrace.api.auth;

import com.buildtrace.api.apikey.ApiKeys;
import com.buildtrace.api.monitoring.ApiMetrics;
import com.buildtrace.api.monitoring.ScrapeAccess;
import com.buildtrace.api.ratelimit.RateLimitFilter;
import com.buildtrace.api.ratelimit.RateLimiter;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.CallerResolver;
import com.buildtrace.api.system.ProblemResponses;
import com.buildtrace.db.DatabaseServer;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Every endpoint needs a signed-in caller (access token or API key) except those public by
 * design, listed in {@link #PUBLIC}; what a caller may see and do inside a project is decided by
 * {@code ProjectAccess}. No server sessions: each request carries its credential. Every refusal is a problem
 * detail, and every response of the API carries its rate limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * Public by design: health probes, the OpenAPI description and its UI, the sign-in and token endpoints
     * (they take their own proof: a provider's code, a refresh token, the development setting) and the outside
     * scheduler's endpoint (its own token), and the web UI's static files.
     */
    static final String[] PUBLIC = {"/health", "/actuator/health", "/actuator/health/**", "/api/v1/openapi",
            "/api/v1/openapi/**", "/api/v1/docs", "/api/v1/docs/**", "/api/v1/swagger-ui/**", "/swagger-ui/**",
            GoogleSignIn.LOGIN_PATH, GoogleSignIn.CALLBACK_PATH, "/api/v1/auth/dev/login",
            "/api/v1/auth/token/refresh", "/api/v1/auth/token/revoke", "/api/v1/auth/logout",
            "/api/v1/auth/jwks.json", "/api/v1/schedule/run", "/error",
            // the web UI's static files (every API call it makes is authenticated like any other)
            "/", "/index.html", "/assets/**", "/favicon.ico"};

    @Bean
    AuthMode authMode(AuthProperties properties, Environment environment, DatabaseServer database) {
        boolean production = properties.production() || environment.acceptsProfiles(Profiles.of("production"));
        boolean devLogin = properties.devLogin() != null ? properties.devLogin() : !production && database.embedded();
        AuthMode mode = new AuthMode(production, devLogin, properties.google().enabled());
        LOG.info("sign-in: Google {}, development sign-in {}{}", mode.google() ? "on" : "off (buildtrace.auth.google.client-id)",
                devLogin ? "on" : "off", production ? ", production" : "");
        return mode;
    }

    @Bean
    JwtKeys jwtKeys(AuthProperties properties, AuthMode mode) {
        return JwtKeys.load(properties.jwt(), mode.production());
    }

    @Bean
    AccessTokens accessTokens(JwtKeys keys, AuthProperties properties, RevokedTokens revoked) {
        return new AccessTokens(keys, properties, revoked);
    }

    @Bean
    TokenCookies tokenCookies(AuthProperties properties) {
        return new TokenCookies(properties.cookieSecure());
    }

    /** The caller of a request, as the token filter authenticated it. */
    @Bean
    CallerResolver callerResolver() {
        return request -> {
            Authentication a = SecurityContextHolder.getContext().getAuthentication();
            if (a instanceof CallerAuthentication c) {
                return c.getPrincipal();
            }
            throw ApiException.unauthenticated(SIGN_IN);
        };
    }

    private static final String SIGN_IN = "sign in (POST /api/v1/auth/dev/login where enabled, or GET "
            + "/api/v1/auth/google/login) and send the access token as 'Authorization: Bearer ...', or send an API "
            + "key as 'Authorization: Bearer bt_...' or 'X-API-Key'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessTokens tokens, ApiKeys keys, RateLimiter limits,
                                    AuthProperties properties, AuthMode mode, SignIns signIns, TokenCookies cookies,
                                    JdbcClient jdbc, ApiMetrics metrics, ScrapeAccess scrape) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (request.getAttribute(TokenAuthenticationFilter.REFUSED) instanceof InvalidTokenException refused) {
                e = refused;
            }
            boolean invalid = e instanceof InvalidTokenException;
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalid
                    ? "Bearer realm=\"buildtrace\", error=\"invalid_token\"" : "Bearer realm=\"buildtrace\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
                    invalid ? e.getMessage() : SIGN_IN);
        };
        AccessDeniedHandler denied = (request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN,
                "Not allowed", "this request is not allowed for the caller");
        RequestMatcher publicPaths = new OrRequestMatcher(Arrays.stream(PUBLIC)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
        TokenAuthenticationFilter tokenFilter = new TokenAuthenticationFilter(tokens, keys, metrics);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterAfter(tokenFilter, SecurityContextHolderFilter.class)
                .addFilterAfter(new RateLimitFilter(limits, metrics::rateLimited), TokenAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(publicPaths).permitAll()
                        .requestMatchers(ScrapeAccess.PATH).access(scrape)
                        .anyRequest().authenticated());
        if (mode.google()) {
            GoogleSignIn google = new GoogleSignIn(properties.google(), signIns, cookies);
            GoogleRegistrations registrations = new GoogleRegistrations(properties.google());
            http.oauth2Login(o -> o.clientRegistrationRepository(registrations)
                    .authorizedClientRepository(NO_AUTHORIZED_CLIENTS)
                    .loginPage(GoogleSignIn.LOGIN_PATH)
                    .authorizationEndpoint(a -> a.authorizationRequestResolver(google.requestResolver(registrations))
                            .authorizationRequestRepository(new GoogleLoginRequests(jdbc, properties.cookieSecure())))
                    .loginProcessingUrl(GoogleSignIn.CALLBACK_PATH)
                    .userInfoEndpoint(u -> u.oidcUserService(google.userService()))
                    .successHandler(google.successHandler())
                    .failureHandler(GoogleSignIn.failureHandler(metrics)));
        }
        return http.build();
    }

    /** Google's own access token is not kept: the sign-in is all the API needs from Google. */
    private static final OAuth2AuthorizedClientRepository NO_AUTHORIZED_CLIENTS = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends org.springframework.security.oauth2.client.OAuth2AuthorizedClient> T loadAuthorizedClient(
                String id, Authentication principal, jakarta.servlet.http.HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(org.springframework.security.oauth2.client.OAuth2AuthorizedClient client,
                                         Authentication principal, jakarta.servlet.http.HttpServletRequest request,
                                         jakarta.servlet.http.HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String id, Authentication principal,
                                           jakarta.servlet.http.HttpServletRequest request,
                                           jakarta.servlet.http.HttpServletResponse response) {
        }
    };
}
