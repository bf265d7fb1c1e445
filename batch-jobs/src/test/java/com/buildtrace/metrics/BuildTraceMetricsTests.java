package com.buildtrace.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.ai.TokenUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BuildTraceMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final BuildTraceMetrics metrics = new BuildTraceMetrics(registry);

    @Test
    void outcomesAndSheetStatusesExistAtZeroBeforeAnythingRan() {
        assertThat(registry.get(BuildTraceMetrics.COMPARISONS_FINISHED).tag("outcome", "failed").counter().count())
                .isZero();
        assertThat(registry.get(BuildTraceMetrics.SHEETS_PROCESSED).tag("status", "failed").counter().count())
                .isZero();
        assertThat(registry.get(BuildTraceMetrics.AI_TOKENS).tags("purpose", "chat", "direction", "output")
                .counter().count()).isZero();
    }

    @Test
    void aRunItsSheetsAndTheirStagesAreCountedAndTimed() throws Exception {
        metrics.comparisonStarted("compareDrawingsJob");
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("open", 200L);
        stages.put("render (wall)", 1000L);
        stages.put("render old", 900L);
        stages.put("align", 300L);
        stages.put("ink", 40L);
        stages.put("diff", 60L);
        try (AutoCloseable running = metrics.partitionRunning()) {
            assertThat(registry.get(BuildTraceMetrics.PARTITIONS_RUNNING).gauge().value()).isEqualTo(1);
            metrics.sheetProcessed("changed", stages);
        }
        metrics.sheetProcessed("failed", Map.of("open", 800L));
        metrics.comparisonFinished("compareDrawingsJob", "completed", Duration.ofSeconds(42));

        assertThat(registry.get(BuildTraceMetrics.PARTITIONS_RUNNING).gauge().value()).isZero();
        assertThat(registry.get(BuildTraceMetrics.COMPARISONS_STARTED).counter().count()).isEqualTo(1);
        assertThat(registry.get(BuildTraceMetrics.COMPARISONS_FINISHED).tag("outcome", "completed").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get(BuildTraceMetrics.COMPARISON_DURATION).timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(42);
        assertThat(registry.get(BuildTraceMetrics.SHEETS_PROCESSED).tag("status", "changed").counter().count())
                .isEqualTo(1);
        // open and the render's wall time are the rasterize stage (the per-side render time is inside it)
        assertThat(registry.get(BuildTraceMetrics.SHEET_STAGE_DURATION).tag("stage", "rasterize").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(registry.get(BuildTraceMetrics.SHEET_STAGE_DURATION).tag("stage", "rasterize").timer().count())
                .isEqualTo(2);
        assertThat(registry.get(BuildTraceMetrics.SHEET_STAGE_DURATION).tag("stage", "detect").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
        assertThat(registry.find(BuildTraceMetrics.SHEET_STAGE_DURATION).tag("stage", "render old").timer()).isNull();
    }

    @Test
    void tokensAndCostAddUpPerPurposeAndDirection() {
        metrics.aiUsage("summary", new TokenUsage(2, 1500, 300, 0.0123));
        metrics.aiUsage("summary", new TokenUsage(1, 500, 100, 0.0040));
        metrics.aiUsage("chat", TokenUsage.NONE);

        assertThat(registry.get(BuildTraceMetrics.AI_TOKENS).tags("purpose", "summary", "direction", "input")
                .counter().count()).isEqualTo(2000);
        assertThat(registry.get(BuildTraceMetrics.AI_TOKENS).tags("purpose", "summary", "direction", "output")
                .counter().count()).isEqualTo(400);
        assertThat(registry.get(BuildTraceMetrics.AI_COST).tag("purpose", "summary").counter().count())
                .isCloseTo(0.0163, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(registry.get(BuildTraceMetrics.AI_COST).tag("purpose", "chat").counter().count()).isZero();
    }
}
