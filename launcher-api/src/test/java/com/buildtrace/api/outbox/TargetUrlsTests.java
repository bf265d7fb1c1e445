package com.buildtrace.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildtrace.api.system.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetUrlsTests {

    private static final List<String> SLACK = List.of("hooks.slack.com");

    @Test
    void httpsToAnAllowedHostPasses() {
        assertThat(TargetUrls.check("url", " https://hooks.slack.com/services/T0/B0/x ", false, SLACK))
                .isEqualTo("https://hooks.slack.com/services/T0/B0/x");
        assertThat(TargetUrls.check("url", "https://eu.hooks.slack.com/services/x", false, SLACK))
                .startsWith("https://eu.");
        assertThat(TargetUrls.check("url", "https://chat.example.test/hook", false, List.of()))
                .isEqualTo("https://chat.example.test/hook");
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> TargetUrls.check("slackWebhookUrl", "https://hooks.slack.com.evil.test/x", false,
                SLACK)).isInstanceOf(ApiException.class)
                .hasMessage("slackWebhookUrl must be on hooks.slack.com, not hooks.slack.com.evil.test");
        assertThatThrownBy(() -> TargetUrls.check("url", "http://hooks.slack.com/x", false, SLACK))
                .hasMessage("url must be https: http://hooks.slack.com/x");
        assertThatThrownBy(() -> TargetUrls.check("url", "https://user:pw@hooks.slack.com/x", false, SLACK))
                .hasMessageContaining("no user name");
        assertThatThrownBy(() -> TargetUrls.check("url", "/services/x", false, List.of()))
                .hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> TargetUrls.check("url", "http://localhost:8080/x", false, List.of()))
                .hasMessage("url must be https: http://localhost:8080/x");
    }

    @Test
    void httpToThisMachineOnlyWhereAllowed() {
        assertThat(TargetUrls.check("url", "http://127.0.0.1:9000/x", true, SLACK)).isEqualTo("http://127.0.0.1:9000/x");
        assertThatThrownBy(() -> TargetUrls.check("url", "http://10.0.0.5/x", true, List.of()))
                .hasMessage("url must be https (or http to localhost): http://10.0.0.5/x");
    }
}
