package com.buildtrace.api.ratelimit;

import com.buildtrace.api.system.Caller;
import com.buildtrace.api.system.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the rate limits to every request under {@code /api/}: per signed-in user (an API key counts for its
 * user), per address for anonymous requests. Every response carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds) and their {@code X-} variants; a request over
 * the limit gets 429 with {@code Retry-After} and a problem detail. Runs after authentication.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;

    private final Consumer<RequestKind> rejected;

    /** @param rejected told of every request refused (the rejection counter) */
    public RateLimitFilter(RateLimiter limiter, Consumer<RequestKind> rejected) {
        this.limiter = limiter;
        this.rejected = rejected;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limiter.enabled() || !path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestKind kind = RequestKind.of(request.getMethod(), path(request));
        RateLimiter.Decision d = limiter.consume(who(request), kind);
        for (String prefix : new String[] {"", "X-"}) {
            response.setHeader(prefix + "RateLimit-Limit", Integer.toString(d.limit()));
            response.setHeader(prefix + "RateLimit-Remaining", Long.toString(d.remaining()));
            response.setHeader(prefix + "RateLimit-Reset", Long.toString(d.resetSeconds()));
        }
        if (!d.allowed()) {
            rejected.accept(kind);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(d.retryAfterSeconds()));
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "too many "
                    + kind.noun() + ": at most " + d.limit() + " per " + describe(limiter.period()) + " ("
                    + kind.setting() + "); try again in " + d.retryAfterSeconds() + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String who(HttpServletRequest request) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.isAuthenticated() && a.getPrincipal() instanceof Caller c) {
            return "user:" + c.userId();
        }
        return "ip:" + request.getRemoteAddr();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String describe(java.time.Duration period) {
        return period.toSeconds() % 60 == 0 ? (period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes")
                : period.toSeconds() + " s";
    }
}
