package com.buildtrace.api.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notifications ({@code buildtrace.notifications.*}). The SMTP server is Spring's {@code spring.mail.*}
 * ({@code host}, {@code port}, {@code username}, {@code password}, {@code properties.mail.smtp.starttls.enable});
 * without {@code spring.mail.host} e-mail is off and the API says so.
 *
 * @param pollEvery how often this process queues the ends of comparisons and sends what is due (default 5 s)
 * @param retryDelays the waits before the second, third, ... attempt (default 30 s, 2 min, 10 min, 1 h); a
 *     message has one attempt more than there are delays, then it has failed
 * @param timeout how long one attempt may take: the Slack request, or connecting to, reading from and writing
 *     to the SMTP server (default 10 s)
 * @param from the e-mails' sender (default {@code BuildTrace <buildtrace@localhost>}; set a real address that
 *     the SMTP server may send from)
 * @param slackHosts the hosts a Slack webhook URL may point to in production (default {@code hooks.slack.com});
 *     outside production any https URL is accepted
 * @param allowLocalHttp accept {@code http://localhost} Slack URLs (development and tests only)
 */
@ConfigurationProperties("buildtrace.notifications")
public record NotificationProperties(Duration pollEvery, List<Duration> retryDelays, Duration timeout, String from,
                                     List<String> slackHosts, boolean allowLocalHttp) {

    public NotificationProperties {
        if (pollEvery == null) {
            pollEvery = Duration.ofSeconds(5);
        }
        retryDelays = retryDelays == null ? List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofHours(1)) : List.copyOf(retryDelays);
        if (timeout == null) {
            timeout = Duration.ofSeconds(10);
        }
        if (from == null || from.isBlank()) {
            from = "BuildTrace <buildtrace@localhost>";
        }
        slackHosts = slackHosts == null ? List.of("hooks.slack.com") : List.copyOf(slackHosts);
    }
}
