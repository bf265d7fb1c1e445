package com.buildtrace.job;

import com.buildtrace.metrics.BuildTraceMetrics;
import com.buildtrace.summary.SummaryService;
import java.time.Duration;
import java.util.UUID;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The summary of the compared sheets: AI-written when a key is configured, else deterministic. A failed AI
 * summary is recorded and the deterministic one stands in: this step does not fail on it.
 */
class SummarizeTasklet implements Tasklet {

    private final SummaryService summaries;

    private final BuildTraceMetrics metrics;

    SummarizeTasklet(SummaryService summaries, BuildTraceMetrics metrics) {
        this.summaries = summaries;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        UUID id = UUID.fromString(
                chunk.getStepContext().getStepExecution().getJobParameters().getString(JobKeys.COMPARISON_ID));
        long start = System.nanoTime();
        summaries.summarize(id);
        metrics.summaryWritten(Duration.ofNanos(System.nanoTime() - start));
        return RepeatStatus.FINISHED;
    }
}
