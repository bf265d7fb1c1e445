package com.buildtrace.job;

import com.buildtrace.compare.ComparisonEngine;
import com.buildtrace.compare.SetIngest;
import com.buildtrace.compare.SetPlan;
import com.buildtrace.comparison.ComparisonJson;
import com.buildtrace.comparison.ComparisonStore;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Pairs the identified sheets by number, then content, into the plan of sheet tasks. */
class PairSheetsTasklet implements Tasklet {

    private final Engines engines;

    private final ComparisonStore store;

    private final ComparisonFiles files;

    private final int threads;

    PairSheetsTasklet(Engines engines, ComparisonStore store, ComparisonFiles files, int threads) {
        this.engines = engines;
        this.store = store;
        this.files = files;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        JobRequest r = JobRequest.of(chunk.getStepContext().getStepExecution().getJobParameters(), threads);
        ComparisonEngine engine = engines.get(r.options());
        ExecutionContext job = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        ComparisonFiles.Inputs sets = files.fetch(r, job);
        Path oldFile = sets.oldSet();
        Path newFile = sets.newSet();
        String ingestMillis = job.getString(JobKeys.INGEST_MILLIS, "{}");
        Map<String, Long> stages = new java.util.LinkedHashMap<>();
        ComparisonJson.read(ingestMillis, Map.class).forEach((k, v) -> stages.put((String) k, ((Number) v).longValue()));
        SetIngest ingest = new SetIngest(oldFile, newFile, engine.sheets(oldFile), engine.sheets(newFile),
                store.sheetIds(r.comparisonId(), "old"), store.sheetIds(r.comparisonId(), "new"), stages);
        SetPlan plan = engine.pair(ingest);
        store.savePlan(r.comparisonId(), plan);
        // partitions start from the files alone, wherever they run: what identification read is not kept, so
        // that a sheet gives the same result in this process, in a worker process or after a restart
        engines.release(oldFile, newFile);
        contribution.incrementWriteCount(plan.tasks().size());
        return RepeatStatus.FINISHED;
    }
}
