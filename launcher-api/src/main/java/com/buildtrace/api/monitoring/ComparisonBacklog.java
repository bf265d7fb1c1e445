package com.buildtrace.api.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The comparisons waiting and running, read from the database (so every API replica reports the same,
 * whichever process runs them): {@code buildtrace_comparisons_backlog{status="pending"|"running"}} and
 * {@code buildtrace_comparisons_oldest_running_age_seconds}, the age of the longest-running comparison since its
 * first start (0 when none runs). One query serves a scrape; its answer is reused for a few seconds.
 */
@Component
class ComparisonBacklog implements MeterBinder {

    static final String BACKLOG = "buildtrace.comparisons.backlog";

    static final String OLDEST_RUNNING = "buildtrace.comparisons.oldest.running.age";

    private static final Duration FRESH = Duration.ofSeconds(5);

    /** What one query saw. */
    record Snapshot(long pending, long running, double oldestRunningSeconds, long takenAtNanos) {
    }

    private final JdbcClient jdbc;

    private volatile Snapshot last;

    ComparisonBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, BACKLOG, "pending", Snapshot::pending);
        gauge(registry, BACKLOG, "running", Snapshot::running);
        Gauge.builder(OLDEST_RUNNING, this, b -> b.snapshot().oldestRunningSeconds()).baseUnit("seconds")
                .description("Age of the longest-running comparison since its first start").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String status, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, b -> value.applyAsDouble(b.snapshot())).tag("status", status)
                .description("Comparisons waiting to run (pending) and running").register(registry);
    }

    /** The latest counts, queried again when older than a few seconds. */
    Snapshot snapshot() {
        Snapshot s = last;
        long now = System.nanoTime();
        if (s == null || now - s.takenAtNanos() > FRESH.toNanos()) {
            s = jdbc.sql("""
                    SELECT count(*) FILTER (WHERE status = 'planned') AS pending,
                           count(*) FILTER (WHERE status = 'running') AS running,
                           COALESCE(EXTRACT(EPOCH FROM now() - min(started_at) FILTER (WHERE status = 'running')), 0)
                               AS oldest
                    FROM comparison WHERE status IN ('planned', 'running')""")
                    .query((rs, row) -> new Snapshot(rs.getLong("pending"), rs.getLong("running"),
                            rs.getDouble("oldest"), now)).single();
            last = s;
        }
        return s;
    }
}
