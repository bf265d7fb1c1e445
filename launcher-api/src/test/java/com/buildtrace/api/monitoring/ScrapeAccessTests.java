package com.buildtrace.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class ScrapeAccessTests {

    @Test
    void withoutAPasswordOnlyTheLoopbackAddressMayScrape() {
        ScrapeAccess access = new ScrapeAccess(new MonitoringProperties(null));

        assertThat(allowed(access, "127.0.0.1", null)).isTrue();
        assertThat(allowed(access, "::1", null)).isTrue();
        assertThat(allowed(access, "10.4.0.7", null)).isFalse();
        assertThat(allowed(access, "10.4.0.7", basic("prometheus", "anything"))).isFalse();
    }

    @Test
    void withAPasswordOnlyBasicAuthenticationWithItMayScrapeWhereverItComesFrom() {
        ScrapeAccess access = new ScrapeAccess(new MonitoringProperties("s3cret:with-colon"));

        assertThat(allowed(access, "10.4.0.7", basic("prometheus", "s3cret:with-colon"))).isTrue();
        assertThat(allowed(access, "10.4.0.7", basic("", "s3cret:with-colon"))).isTrue();
        assertThat(allowed(access, "10.4.0.7", basic("prometheus", "s3cret"))).isFalse();
        assertThat(allowed(access, "10.4.0.7", "Bearer s3cret:with-colon")).isFalse();
        assertThat(allowed(access, "10.4.0.7", "Basic not-base64!")).isFalse();
        // a password set, the loopback address alone is not enough (a forwarded address could claim it)
        assertThat(allowed(access, "127.0.0.1", null)).isFalse();
    }

    private static boolean allowed(ScrapeAccess access, String from, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", ScrapeAccess.PATH);
        request.setRemoteAddr(from);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return access.authorize(() -> null, new RequestAuthorizationContext(request)).isGranted();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
