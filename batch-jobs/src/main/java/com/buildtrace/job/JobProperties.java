package com.buildtrace.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this process runs comparisons ({@code buildtrace.job.*}).
 *
 * @param threads threads of the comparison engine per process (0: one per core, divided among the
 *     partitions run at once)
 * @param staleAfter a running comparison whose process has shown no sign of life for this long is taken as
 *     dead (killed) and may be resumed
 */
@ConfigurationProperties("buildtrace.job")
public record JobProperties(int threads, Duration staleAfter) {

    public JobProperties {
        if (staleAfter == null) {
            staleAfter = Duration.ofSeconds(15);
        }
    }
}
