package com.buildtrace.api.monitoring;

import com.buildtrace.logging.JobLogContext;
import com.buildtrace.logging.LogKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every API request a trace id and writes one access line for it. The id is the caller's when it sends a
 * W3C {@code traceparent} (or Google's {@code X-Cloud-Trace-Context}, which Cloud Run's front end adds), else a
 * new one; it is in the MDC ({@value LogKeys#TRACE}) of every line written while the request is served, goes
 * back in the {@value #TRACE_HEADER} response header, and becomes the trace id of a comparison the request
 * starts, so one id finds the request and every line of its job. The access line ({@code com.buildtrace.api.access},
 * INFO) names the method, the route pattern (never the query), the status and the time taken.
 * Runs before the security filters, so refused requests are traced too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestTracing extends OncePerRequestFilter {

    /** The response header that tells a caller (and support) the request's trace id. */
    public static final String TRACE_HEADER = "X-Trace-Id";

    static final String ROUTE = "route";

    static final String STATUS = "status";

    static final String DURATION_MS = "durationMs";

    private static final Logger ACCESS = LoggerFactory.getLogger("com.buildtrace.api.access");

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    private static final Pattern CLOUD_TRACE = Pattern.compile("([0-9a-fA-F]{32})(/.*)?");

    private static final String NO_TRACE = "0".repeat(32);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String trace = traceOf(request);
        MDC.put(LogKeys.TRACE, trace);
        response.setHeader(TRACE_HEADER, trace);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            access(request, response, (System.nanoTime() - start) / 1_000_000);
            MDC.remove(LogKeys.TRACE);
        }
    }

    /** Probes and scrapes would drown the access lines: they are traced but not logged. */
    private static void access(HttpServletRequest request, HttpServletResponse response, long millis) {
        String path = request.getRequestURI();
        if (!ACCESS.isInfoEnabled() || path.startsWith("/actuator/") || path.equals("/health")) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern != null ? pattern.toString() : "(unmatched)";
        MDC.put(ROUTE, route);
        MDC.put(STATUS, Integer.toString(response.getStatus()));
        MDC.put(DURATION_MS, Long.toString(millis));
        try {
            ACCESS.info("{} {} {} in {} ms", request.getMethod(), route, response.getStatus(), millis);
        } finally {
            MDC.remove(ROUTE);
            MDC.remove(STATUS);
            MDC.remove(DURATION_MS);
        }
    }

    /** The caller's trace id when it sent a well-formed one (an all-zero id is invalid), else a new one. */
    static String traceOf(HttpServletRequest request) {
        String parent = request.getHeader("traceparent");
        if (parent != null) {
            Matcher m = TRACEPARENT.matcher(parent.trim());
            if (m.matches() && !m.group(1).equals(NO_TRACE)) {
                return m.group(1);
            }
        }
        String cloud = request.getHeader("X-Cloud-Trace-Context");
        if (cloud != null) {
            Matcher m = CLOUD_TRACE.matcher(cloud.trim());
            if (m.matches() && !m.group(1).equals(NO_TRACE)) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return JobLogContext.newTraceId();
    }
}
