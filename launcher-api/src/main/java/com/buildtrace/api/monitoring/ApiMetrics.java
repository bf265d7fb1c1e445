package com.buildtrace.api.monitoring;

import com.buildtrace.api.ratelimit.RequestKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counters of the API's refusals: {@code buildtrace_signin_failures_total{method}} (a Google sign-in that
 * failed or was refused, a refresh token that was not accepted, a bearer credential or API key that was not)
 * and {@code buildtrace_ratelimit_rejections_total{kind}} (requests answered 429).
 */
@Component
public class ApiMetrics {

    static final String SIGN_IN_FAILURES = "buildtrace.signin.failures";

    static final String RATE_LIMIT_REJECTIONS = "buildtrace.ratelimit.rejections";

    /** How a refused sign-in came: Google, a refresh token, a presented credential. */
    public enum SignInMethod {
        GOOGLE, REFRESH, CREDENTIAL;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (SignInMethod m : SignInMethod.values()) {
            signIn(m);
        }
        for (RequestKind k : RequestKind.values()) {
            rateLimit(k);
        }
    }

    public void signInFailed(SignInMethod method) {
        signIn(method).increment();
    }

    public void rateLimited(RequestKind kind) {
        rateLimit(kind).increment();
    }

    private Counter rateLimit(RequestKind kind) {
        return Counter.builder(RATE_LIMIT_REJECTIONS).description("Requests refused with 429 by a rate limit")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter signIn(SignInMethod method) {
        return Counter.builder(SIGN_IN_FAILURES).description("Sign-ins and credentials refused")
                .tag("method", method.tag()).register(registry);
    }
}
