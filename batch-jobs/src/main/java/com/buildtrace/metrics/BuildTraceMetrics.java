package com.buildtrace.metrics;

import com.buildtrace.ai.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The meters of comparisons, recorded where the batch job meets the engine and the stores. In the API (and a
 * worker with the actuator) they go to the application's registry, Prometheus included; on the command line,
 * which has no registry, to a private one that nobody reads.
 * <p>
 * Names as Prometheus shows them: {@code buildtrace_comparisons_started_total{job}},
 * {@code buildtrace_comparisons_finished_total{job,outcome}}, {@code buildtrace_comparison_duration_seconds{outcome}},
 * {@code buildtrace_sheets_processed_total{status}}, {@code buildtrace_sheet_stage_duration_seconds{stage}},
 * {@code buildtrace_summary_duration_seconds}, {@code buildtrace_partitions_running},
 * {@code buildtrace_ai_tokens_total{purpose,direction}}, {@code buildtrace_ai_cost_usd_total{purpose}}.
 */
@Component
public class BuildTraceMetrics {

    public static final String COMPARISONS_STARTED = "buildtrace.comparisons.started";

    public static final String COMPARISONS_FINISHED = "buildtrace.comparisons.finished";

    public static final String COMPARISON_DURATION = "buildtrace.comparison.duration";

    public static final String SHEETS_PROCESSED = "buildtrace.sheets.processed";

    public static final String SHEET_STAGE_DURATION = "buildtrace.sheet.stage.duration";

    public static final String SUMMARY_DURATION = "buildtrace.summary.duration";

    public static final String PARTITIONS_RUNNING = "buildtrace.partitions.running";

    public static final String AI_TOKENS = "buildtrace.ai.tokens";

    public static final String AI_COST = "buildtrace.ai.cost.usd";

    private final MeterRegistry registry;

    private final AtomicInteger partitionsRunning = new AtomicInteger();

    @Autowired
    public BuildTraceMetrics(ObjectProvider<MeterRegistry> registry) {
        this(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Meters in the given registry (tests, or a registry made by hand). */
    public BuildTraceMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge(PARTITIONS_RUNNING, partitionsRunning);
        for (String outcome : new String[] {"completed", "failed", "stopped"}) {
            // present from the start, so that rates and alerts see zero rather than no series
            finished("compareDrawingsJob", outcome);
            duration(outcome);
        }
        new TreeSet<>(STAGES.values()).forEach(this::stage);
        summary();
        Counter.builder(COMPARISONS_STARTED).tag("job", "compareDrawingsJob").register(registry);
        for (String status : new String[] {"changed", "unchanged", "added", "removed", "failed"}) {
            sheets(status);
        }
        for (String purpose : new String[] {"summary", "chat"}) {
            tokens(purpose, "input");
            tokens(purpose, "output");
            cost(purpose);
        }
    }

    /** A run of a comparison's job starts (a resumed run counts again). */
    public void comparisonStarted(String job) {
        Counter.builder(COMPARISONS_STARTED).description("Runs of comparison jobs started").tag("job", job)
                .register(registry).increment();
    }

    /**
     * A run ended.
     *
     * @param outcome completed, failed or stopped
     * @param took from the run's start to its end
     */
    public void comparisonFinished(String job, String outcome, Duration took) {
        finished(job, outcome).increment();
        duration(outcome).record(took);
    }

    /**
     * The engine's wall-clock laps, by the stage they belong to. Laps not named here are per-side parts of a lap
     * (render old/new, png on helper threads) or set-level work, and would count twice.
     */
    static final Map<String, String> STAGES = Map.of("open", "rasterize", "render (wall)", "rasterize",
            "align", "align", "ink", "detect", "diff", "detect", "regions", "detect", "overlay", "overlay",
            "png wait", "overlay", "text", "text", "clouds", "clouds");

    /**
     * A sheet task ended: its status and the engine's laps ({@code PageComparison.stageMillis}), timed per stage
     * (rasterize, align, detect, overlay, text, clouds; a stage the sheet did not go through is not recorded).
     */
    public void sheetProcessed(String status, Map<String, Long> stageMillis) {
        sheets(status).increment();
        Map<String, Long> byStage = new TreeMap<>();
        stageMillis.forEach((lap, millis) -> {
            String stage = STAGES.get(lap);
            if (stage != null) {
                byStage.merge(stage, millis, Long::sum);
            }
        });
        byStage.forEach((stage, millis) -> stage(stage).record(millis, TimeUnit.MILLISECONDS));
    }

    /** The summary step of a comparison took this long (AI or deterministic). */
    public void summaryWritten(Duration took) {
        summary().record(took);
    }

    /** A partition starts running in this process; closing the result marks its end. */
    public AutoCloseable partitionRunning() {
        partitionsRunning.incrementAndGet();
        return partitionsRunning::decrementAndGet;
    }

    /**
     * Tokens and estimated cost of model requests (the model of each is kept with the summary or message).
     *
     * @param purpose summary or chat
     */
    public void aiUsage(String purpose, TokenUsage usage) {
        tokens(purpose, "input").increment(usage.inputTokens());
        tokens(purpose, "output").increment(usage.outputTokens());
        cost(purpose).increment(usage.estimatedCostUsd());
    }

    private Counter tokens(String purpose, String direction) {
        return Counter.builder(AI_TOKENS).description("Model tokens spent").tags("purpose", purpose, "direction",
                direction).register(registry);
    }

    private Counter cost(String purpose) {
        return Counter.builder(AI_COST).description("Estimated cost of model requests, US dollars")
                .tag("purpose", purpose).register(registry);
    }

    private Timer duration(String outcome) {
        return Timer.builder(COMPARISON_DURATION).description("Time a comparison job run took, start to end")
                .tag("outcome", outcome).publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(2)).register(registry);
    }

    private Timer stage(String stage) {
        return Timer.builder(SHEET_STAGE_DURATION).description("Time per stage of one sheet task")
                .tag("stage", stage).register(registry);
    }

    private Timer summary() {
        return Timer.builder(SUMMARY_DURATION).description("Time to write a comparison's summary")
                .register(registry);
    }

    private Counter finished(String job, String outcome) {
        return Counter.builder(COMPARISONS_FINISHED).description("Runs of comparison jobs ended, by outcome")
                .tags("job", job, "outcome", outcome.toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter sheets(String status) {
        return Counter.builder(SHEETS_PROCESSED).description("Sheet tasks compared, by their status")
                .tag("status", status).register(registry);
    }
}
