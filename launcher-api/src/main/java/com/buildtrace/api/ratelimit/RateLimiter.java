package com.buildtrace.api.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets, one per caller and kind of request: {@code limit} tokens, all given back at the end of each
 * period. In this process by default; in PostgreSQL ({@code buildtrace.rate-limit.store=postgres}) when several
 * API instances must share them. The clock is a {@link TimeMeter} bean when there is one (tests advance it).
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter {

    private final RateLimitProperties properties;

    private final TimeMeter clock;

    private final Map<String, Local> local = new ConcurrentHashMap<>();

    private final ProxyManager<String> shared;

    @Autowired
    RateLimiter(RateLimitProperties properties, ObjectProvider<TimeMeter> clock, DataSource dataSource) {
        this(properties, clock.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS), dataSource);
    }

    /**
     * Limits with these settings and clock; {@code dataSource} holds the buckets with the postgres store (one
     * such limiter per API instance).
     */
    public RateLimiter(RateLimitProperties properties, TimeMeter clock, DataSource dataSource) {
        this.properties = properties;
        this.clock = clock;
        this.shared = properties.store() == RateLimitProperties.Store.POSTGRES
                ? new PostgresBuckets(dataSource, ClientSideConfig.getDefault().withClientClock(this.clock)
                        .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10))))
                : null;
    }

    /**
     * What one request may do.
     *
     * @param allowed it may go on
     * @param limit requests of its kind per period
     * @param remaining requests of its kind left in this period
     * @param resetSeconds seconds until the period ends and the limit is whole again
     * @param retryAfterSeconds when refused: seconds until a request of its kind is allowed again
     * @param kind its kind
     */
    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds,
                           RequestKind kind) {
    }

    /** True when limits apply. */
    public boolean enabled() {
        return properties.enabled();
    }

    /** The period limits are per. */
    public Duration period() {
        return properties.period();
    }

    /** Takes one request of this kind from the caller's bucket. */
    public Decision consume(String caller, RequestKind kind) {
        int limit = properties.limit(kind);
        String key = caller + "|" + kind.name();
        ConsumptionProbe probe = shared != null
                ? shared.builder().build(key, () -> configuration(limit)).tryConsumeAndReturnRemaining(1)
                : local.computeIfAbsent(key, k -> new Local(Bucket.builder().addLimit(b -> b.capacity(limit)
                        .refillIntervally(limit, properties.period())).withCustomTimePrecision(clock).build()))
                .touch(clock.currentTimeNanos()).bucket().tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())), kind);
    }

    private BucketConfiguration configuration(int limit) {
        return BucketConfiguration.builder().addLimit(b -> b.capacity(limit).refillIntervally(limit,
                properties.period())).build();
    }

    /** Forgets buckets of this process unused for a whole period (they would be full again anyway). */
    @Scheduled(fixedDelayString = "${buildtrace.rate-limit.period:60s}")
    void forgetIdle() {
        long now = clock.currentTimeNanos();
        long idle = properties.period().toNanos();
        local.values().removeIf(l -> now - l.lastUsed() > idle);
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    /** A bucket of this process and when it was last used. */
    private static final class Local {

        private final Bucket bucket;

        private volatile long lastUsed;

        Local(Bucket bucket) {
            this.bucket = bucket;
        }

        Local touch(long now) {
            lastUsed = now;
            return this;
        }

        Bucket bucket() {
            return bucket;
        }

        long lastUsed() {
            return lastUsed;
        }
    }
}
