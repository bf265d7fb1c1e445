package com.buildtrace.api;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The rate limits' clock in tests: real time plus whatever the test advanced it by. */
final class ManualClock implements TimeMeter {

    private final AtomicLong offset = new AtomicLong();

    /** Moves the clock forward. */
    void advance(Duration by) {
        offset.addAndGet(by.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return System.currentTimeMillis() * 1_000_000L + offset.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
