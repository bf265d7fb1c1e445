package com.buildtrace.job;

import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.summary.SetSummarizer;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The set-level summary of the compared sheets (the hook an AI summarizer plugs into). */
class SummarizeTasklet implements Tasklet {

    private final ComparisonStore store;

    private final SetSummarizer summarizer;

    SummarizeTasklet(ComparisonStore store, SetSummarizer summarizer) {
        this.store = store;
        this.summarizer = summarizer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        java.util.UUID id = java.util.UUID.fromString(
                chunk.getStepContext().getStepExecution().getJobParameters().getString(JobKeys.COMPARISON_ID));
        store.saveSummary(id, summarizer.summarize(store.results(id)));
        return RepeatStatus.FINISHED;
    }
}
