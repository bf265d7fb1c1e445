package com.buildtrace.api.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings {@code buildtrace.monitoring.*}.
 *
 * @param scrapePassword the password a scraper sends as HTTP basic authentication (any user name) to read
 *                       {@code /actuator/prometheus}; without one, only a scraper in the same pod or on this
 *                       machine (the loopback address) may read it. Kubernetes: from a Secret; Prometheus:
 *                       {@code basic_auth}
 */
@ConfigurationProperties("buildtrace.monitoring")
public record MonitoringProperties(String scrapePassword) {

    public MonitoringProperties {
        scrapePassword = scrapePassword == null || scrapePassword.isBlank() ? null : scrapePassword;
    }
}
