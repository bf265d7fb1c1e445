package com.buildtrace.api.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook deliveries ({@code buildtrace.webhooks.*}).
 *
 * @param pollEvery how often this process looks for due deliveries and for comparisons that ended (default 5 s)
 * @param retryDelays the waits before the second, third, ... attempt (default 30 s, 2 min, 10 min, 1 h); a
 *     delivery has one attempt more than there are delays, then it has failed
 * @param disableAfter consecutive failed attempts after which a webhook is disabled (default 10)
 * @param timeout how long one attempt may take, connecting and answering (default 10 s)
 * @param allowLocalHttp accept {@code http://localhost} and {@code http://127.0.0.1} URLs (development and tests
 *     only; otherwise every URL must be https)
 */
@ConfigurationProperties("buildtrace.webhooks")
public record WebhookProperties(Duration pollEvery, List<Duration> retryDelays, Integer disableAfter,
                                Duration timeout, boolean allowLocalHttp) {

    public WebhookProperties {
        if (pollEvery == null) {
            pollEvery = Duration.ofSeconds(5);
        }
        if (retryDelays == null) {
            retryDelays = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                    Duration.ofHours(1));
        }
        retryDelays = List.copyOf(retryDelays);
        if (disableAfter == null) {
            disableAfter = 10;
        }
        if (disableAfter < 1) {
            throw new IllegalArgumentException("buildtrace.webhooks.disable-after must be at least 1");
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(10);
        }
    }
}
