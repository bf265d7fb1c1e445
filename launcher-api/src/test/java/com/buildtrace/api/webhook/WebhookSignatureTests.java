package com.buildtrace.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final String SECRET = "whsec_test";

    private static final String BODY = "{\"event\":\"comparison.completed\"}";

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // HMAC-SHA256("whsec_test", "1700000000.{...}") computed independently (openssl dgst -sha256 -hmac)
        assertThat(WebhookSignature.header(SECRET, 1_700_000_000L, BODY)).isEqualTo(
                "t=1700000000,v1=" + EXPECTED);
    }

    @Test
    void verifiesWithinTheToleranceOnly() {
        String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_700_000_299L, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_700_000_301L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", 1_700_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, 1_700_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1700000000", "t=1700000100"), BODY,
                1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, 1_700_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, 1_700_000_000L, 300)).isFalse();
    }

    private static final String EXPECTED = "9fa2eed5a3bdb261a89539efd2d47c1e5747293ef83e3dd7b27b05bcf2ea628e";
}
