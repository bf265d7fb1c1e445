package com.buildtrace.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Limits per kind of request, per caller, refilled whole at the end of each period. */
class RateLimiterTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private final RateLimiter limiter = new RateLimiter(new RateLimitProperties(null, null, null, null, null, null, null, null, null),
            clock, null);

    @Test
    void allowsFiveComparisonsAndSixtyOtherRequestsAMinutePerCaller() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.consume("user:a", RequestKind.COMPARISON).allowed()).isTrue();
        }
        RateLimiter.Decision sixth = limiter.consume("user:a", RequestKind.COMPARISON);
        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.limit()).isEqualTo(5);
        assertThat(sixth.retryAfterSeconds()).isEqualTo(60);
        assertThat(limiter.consume("user:b", RequestKind.COMPARISON).allowed()).isTrue();

        for (int i = 0; i < 60; i++) {
            assertThat(limiter.consume("ip:10.0.0.1", RequestKind.OTHER).remaining()).isEqualTo(59 - i);
        }
        assertThat(limiter.consume("ip:10.0.0.1", RequestKind.OTHER).allowed()).isFalse();
        assertThat(limiter.consume("ip:10.0.0.1", RequestKind.UPLOAD).remaining()).isEqualTo(9);
    }

    @Test
    void refillsWholeAtTheEndOfThePeriodAndSaysWhen() {
        for (int i = 0; i < 10; i++) {
            limiter.consume("user:a", RequestKind.UPLOAD);
        }
        now.addAndGet(Duration.ofSeconds(45).toNanos());
        RateLimiter.Decision refused = limiter.consume("user:a", RequestKind.UPLOAD);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(15);
        assertThat(refused.resetSeconds()).isEqualTo(15);

        now.addAndGet(Duration.ofSeconds(15).toNanos());

        RateLimiter.Decision after = limiter.consume("user:a", RequestKind.UPLOAD);
        assertThat(after.allowed()).isTrue();
        assertThat(after.remaining()).isEqualTo(9);
    }

    @Test
    void classifiesRequests() {
        assertThat(RequestKind.of("POST", "/api/v1/projects/p/sets/s/revisions")).isEqualTo(RequestKind.UPLOAD);
        assertThat(RequestKind.of("GET", "/api/v1/projects/p/sets/s/revisions")).isEqualTo(RequestKind.OTHER);
        assertThat(RequestKind.of("POST", "/api/v1/comparisons")).isEqualTo(RequestKind.COMPARISON);
        assertThat(RequestKind.of("POST", "/api/v1/comparisons/c/restart")).isEqualTo(RequestKind.OTHER);
        assertThat(RequestKind.of("GET", "/api/v1/comparisons/c/sheets/3/preview")).isEqualTo(RequestKind.IMAGE);
        assertThat(RequestKind.of("GET", "/api/v1/comparisons/c/sheets/3")).isEqualTo(RequestKind.OTHER);
        assertThat(RequestKind.of("GET", "/api/v1/comparisons/c/sheets/3/overlay/tiles")).isEqualTo(RequestKind.TILE);
        assertThat(RequestKind.of("GET", "/api/v1/comparisons/c/sheets/3/new/tiles/5/12/7")).isEqualTo(RequestKind.TILE);
        assertThat(RequestKind.of("GET", "/api/v1/comparisons/c/sheets/3/new/tiles/5/12")).isEqualTo(RequestKind.OTHER);
        RateLimitProperties defaults = new RateLimitProperties(null, null, null, null, null, null, null, null, null);
        assertThat(defaults.limit(RequestKind.IMAGE)).isEqualTo(600);
        assertThat(defaults.limit(RequestKind.TILE)).isEqualTo(3000);
    }

    @Test
    void aResumableUploadCountsOnceAsAnUploadAndItsChunksApart() {
        assertThat(RequestKind.of("POST", "/api/v1/projects/p/sets/s/uploads")).isEqualTo(RequestKind.UPLOAD);
        assertThat(RequestKind.of("PUT", "/api/v1/uploads/u/files/0")).isEqualTo(RequestKind.CHUNK);
        assertThat(RequestKind.of("GET", "/api/v1/uploads/u")).isEqualTo(RequestKind.OTHER);
        assertThat(RequestKind.of("POST", "/api/v1/uploads/u/complete")).isEqualTo(RequestKind.OTHER);
        assertThat(new RateLimitProperties(null, null, null, null, null, null, null, null, null).limit(RequestKind.CHUNK))
                .isEqualTo(1200);
    }
}
