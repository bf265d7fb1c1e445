package com.buildtrace.api.schedule;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scheduled comparisons ({@code buildtrace.schedule.*}).
 *
 * @param checkEvery how often this process looks for schedules that came due (default 60 s)
 * @param zone time zone the cron expressions of projects are read in (default UTC)
 * @param token shared secret an outside scheduler sends as {@code X-BuildTrace-Scheduler-Token} to
 *     {@code POST /api/v1/schedule/run}; without one that endpoint does not exist
 */
@ConfigurationProperties("buildtrace.schedule")
public record SchedulerProperties(Duration checkEvery, ZoneId zone, String token) {

    public SchedulerProperties {
        if (checkEvery == null) {
            checkEvery = Duration.ofSeconds(60);
        }
        if (zone == null) {
            zone = ZoneId.of("UTC");
        }
    }
}
