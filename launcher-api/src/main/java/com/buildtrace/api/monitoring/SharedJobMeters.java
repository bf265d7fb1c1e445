package com.buildtrace.api.monitoring;

import com.buildtrace.job.JobKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The meters of work that any process may be doing, read from the shared database, so every API replica
 * reports the same whichever process (a thread of this one, a worker process, a pod, a Cloud Run task) does the
 * work, and short-lived workers that are never scraped are still seen:
 * <ul>
 * <li>{@code buildtrace_comparisons_backlog{status="pending"|"running"}} and
 * {@code buildtrace_comparisons_oldest_running_age_seconds}, the age of the longest-running comparison since its
 * first start (0 when none runs);</li>
 * <li>{@code buildtrace_partitions_active{state="waiting"|"running"}}: sheet partitions created by a manager and
 * not yet taken by a worker, and those a worker runs;</li>
 * <li>{@code buildtrace_sheet_results_recent{status}}: sheet results written in the last 15 minutes, by status
 * ({@code failed} is what the sheets-failing alert watches).</li>
 * </ul>
 * One set of queries serves a scrape; its answer is reused for a few seconds.
 */
@Component
class SharedJobMeters implements MeterBinder {

    static final String BACKLOG = "buildtrace.comparisons.backlog";

    static final String OLDEST_RUNNING = "buildtrace.comparisons.oldest.running.age";

    static final String PARTITIONS = "buildtrace.partitions.active";

    static final String RECENT_SHEETS = "buildtrace.sheet.results.recent";

    /** The statuses of a sheet result (sheet_pair_result.status). */
    static final List<String> SHEET_STATUSES = List.of("changed", "unchanged", "added", "removed", "failed");

    private static final Duration FRESH = Duration.ofSeconds(5);

    /** What one set of queries saw. */
    record Snapshot(long pending, long running, double oldestRunningSeconds, long partitionsWaiting,
                    long partitionsRunning, Map<String, Long> recentSheets, long takenAtNanos) {
    }

    private final JdbcClient jdbc;

    private volatile Snapshot last;

    SharedJobMeters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String backlog = "Comparisons waiting to run (pending) and running";
        gauge(registry, BACKLOG, backlog, "status", "pending", Snapshot::pending);
        gauge(registry, BACKLOG, backlog, "status", "running", Snapshot::running);
        Gauge.builder(OLDEST_RUNNING, this, b -> b.snapshot().oldestRunningSeconds()).baseUnit("seconds")
                .description("Age of the longest-running comparison since its first start").register(registry);
        String partitions = "Sheet partitions waiting for a worker and running, in any process";
        gauge(registry, PARTITIONS, partitions, "state", "waiting", Snapshot::partitionsWaiting);
        gauge(registry, PARTITIONS, partitions, "state", "running", Snapshot::partitionsRunning);
        for (String status : SHEET_STATUSES) {
            gauge(registry, RECENT_SHEETS, "Sheet results written in the last 15 minutes, by any worker", "status",
                    status, s -> s.recentSheets().getOrDefault(status, 0L));
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String tag, String value,
                       ToDoubleFunction<Snapshot> reading) {
        Gauge.builder(name, this, b -> reading.applyAsDouble(b.snapshot())).tag(tag, value)
                .description(description).register(registry);
    }

    /** The latest readings, queried again when older than a few seconds. */
    Snapshot snapshot() {
        Snapshot s = last;
        long now = System.nanoTime();
        if (s == null || now - s.takenAtNanos() > FRESH.toNanos()) {
            s = query(now);
            last = s;
        }
        return s;
    }

    private Snapshot query(long now) {
        record Comparisons(long pending, long running, double oldest) {
        }
        Comparisons c = jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'planned') AS pending,
                       count(*) FILTER (WHERE status = 'running') AS running,
                       COALESCE(EXTRACT(EPOCH FROM now() - min(started_at) FILTER (WHERE status = 'running')), 0)
                           AS oldest
                FROM comparison WHERE status IN ('planned', 'running')""")
                .query((rs, row) -> new Comparisons(rs.getLong("pending"), rs.getLong("running"),
                        rs.getDouble("oldest"))).single();
        // worker steps are named compareSheetPairStep:sheetPairN; STARTING = made by the manager, not yet taken
        long[] partitions = jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'STARTING') AS waiting,
                       count(*) FILTER (WHERE status = 'STARTED') AS running
                FROM batch_step_execution
                WHERE status IN ('STARTING', 'STARTED') AND step_name LIKE ?""").param(JobKeys.WORKER_STEP + ":%")
                .query((rs, row) -> new long[] {rs.getLong("waiting"), rs.getLong("running")}).single();
        Map<String, Long> recent = new HashMap<>();
        jdbc.sql("""
                SELECT status, count(*) AS n FROM sheet_pair_result
                WHERE updated_at > now() - INTERVAL '15 minutes' GROUP BY status""")
                .query((rs, row) -> recent.put(rs.getString("status"), rs.getLong("n"))).list();
        return new Snapshot(c.pending(), c.running(), c.oldest(), partitions[0], partitions[1], Map.copyOf(recent),
                now);
    }
}
