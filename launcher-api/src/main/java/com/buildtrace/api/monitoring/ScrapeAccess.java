package com.buildtrace.api.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may read {@code /actuator/prometheus}: with {@code buildtrace.monitoring.scrape-password} set, a request
 * with HTTP basic authentication carrying that password (any user name); without it, only a request from the
 * loopback address (a scraper or sidecar in the same pod, or on this machine; never a forwarded request's
 * claimed address once a password is set). Signed-in users and API keys may not: the metrics describe the
 * whole installation, not a project. Basic authentication rather than a bearer token, so that the scraper's
 * credential never reaches the token filter (nor counts as a refused sign-in).
 */
@Component
@EnableConfigurationProperties(MonitoringProperties.class)
public class ScrapeAccess implements AuthorizationManager<RequestAuthorizationContext> {

    public static final String PATH = "/actuator/prometheus";

    private final byte[] password;

    ScrapeAccess(MonitoringProperties properties) {
        this.password = properties.scrapePassword() == null ? null
                : properties.scrapePassword().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        return new AuthorizationDecision(password == null ? loopback(request.getRemoteAddr()) : passwordMatches(request));
    }

    private boolean passwordMatches(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        return colon >= 0 && MessageDigest.isEqual(given, password);
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
