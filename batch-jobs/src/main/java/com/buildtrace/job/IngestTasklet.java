package com.buildtrace.job;

import com.buildtrace.compare.SetIngest;
import com.buildtrace.comparison.ComparisonJson;
import com.buildtrace.comparison.ComparisonStore;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Reads both sets (validating them), counts their sheets and identifies each from its title block. */
class IngestTasklet implements Tasklet {

    private final Engines engines;

    private final ComparisonStore store;

    private final ComparisonFiles files;

    private final int threads;

    IngestTasklet(Engines engines, ComparisonStore store, ComparisonFiles files, int threads) {
        this.engines = engines;
        this.store = store;
        this.files = files;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        JobRequest r = JobRequest.of(chunk.getStepContext().getStepExecution().getJobParameters(), threads);
        store.create(r.comparisonId(), r.oldUri(), r.newUri(), r.outUri(), r.optionsJson());
        store.markRunning(r.comparisonId(), Owner.THIS_PROCESS);
        ExecutionContext job = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        ComparisonFiles.Inputs sets = files.fetchAndRecord(r, job);
        SetIngest ingest = engines.get(r.options()).ingest(sets.oldSet(), sets.newSet());
        store.saveIngest(r.comparisonId(), ingest);
        // the time spent reading and identifying, for the set's stage times (the job's context outlives
        // restarts)
        job.putString(JobKeys.INGEST_MILLIS, ComparisonJson.write(ingest.stageMillis()));
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
