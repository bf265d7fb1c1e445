package com.buildtrace.job;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetPlan;
import com.buildtrace.compare.SheetTask;
import com.buildtrace.comparison.ComparisonStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One partition: compares one sheet task (rasterize, align, detect, overlay, text diff) and writes its images
 * and its result row. A sheet that cannot be read is recorded as failed, with its reason, and the step
 * still completes: one bad sheet never fails the comparison.
 */
class CompareSheetPairTasklet implements Tasklet {

    private final Engines engines;

    private final ComparisonStore store;

    private final int threads;

    /** Plans of the latest comparisons: a worker running many partitions reads each plan once. */
    private final Map<UUID, SetPlan> plans = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, SetPlan> eldest) {
                    return size() > 8;
                }
            });

    CompareSheetPairTasklet(Engines engines, ComparisonStore store, int threads) {
        this.engines = engines;
        this.store = store;
        this.threads = threads;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        StepExecution step = chunk.getStepContext().getStepExecution();
        JobRequest r = JobRequest.of(step.getJobParameters(), threads);
        int index = step.getExecutionContext().getInt(JobKeys.TASK_INDEX);
        SetPlan plan = plans.computeIfAbsent(r.comparisonId(), store::plan);
        SheetTask task = plan.tasks().get(index);
        Path out = JobRequest.path(r.outUri());
        PageComparison page = engines.get(r.options()).compare(plan, task, out);
        store.saveResult(r.comparisonId(), task, page);
        store.saveArtifacts(r.comparisonId(), index, artifacts(out, page));
        store.heartbeat(r.comparisonId());
        contribution.incrementWriteCount(1);
        return RepeatStatus.FINISHED;
    }

    private static Map<String, ComparisonStore.Artifact> artifacts(Path out, PageComparison page) throws IOException {
        Map<String, ComparisonStore.Artifact> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ComparisonStore.imageFiles(page.images()).entrySet()) {
            Path file = out.resolve(e.getValue());
            if (Files.isRegularFile(file)) {
                files.put(e.getKey(), new ComparisonStore.Artifact(file.toUri().toString(), Files.size(file)));
            }
        }
        return files;
    }
}
