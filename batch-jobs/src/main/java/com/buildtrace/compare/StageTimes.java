package com.buildtrace.compare;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time spent per stage of a comparison, in milliseconds, in the order the stages first ran. */
public final class StageTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** Adds time to a stage. */
    public synchronized void add(String stage, long elapsedNanos) {
        nanos.merge(stage, elapsedNanos, Long::sum);
    }

    /** Adds the time since {@code startNanos} to a stage and returns the current time, to chain stages. */
    public long lap(String stage, long startNanos) {
        long now = System.nanoTime();
        add(stage, now - startNanos);
        return now;
    }

    /** Milliseconds per stage. */
    public synchronized Map<String, Long> millis() {
        Map<String, Long> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v / 1_000_000));
        return out;
    }
}
