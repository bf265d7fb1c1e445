package com.buildtrace.job;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetPlan;
import com.buildtrace.compare.SheetTask;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.logging.LogKeys;
import com.buildtrace.metrics.BuildTraceMetrics;
import com.buildtrace.sheets.SheetId;
import com.buildtrace.storage.StagedOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One partition: compares one sheet task (rasterize, align, detect, overlay, text diff) and writes its images
 * and its result row. A sheet that cannot be read is recorded as failed, with its reason, and the step
 * still completes: one bad sheet never fails the comparison. Its thread logs with the sheet too
 * ({@link LogKeys#SHEET}; the worker has put the comparison, trace id and partition there).
 */
class CompareSheetPairTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(CompareSheetPairTasklet.class);

    private final Engines engines;

    private final ComparisonStore store;

    private final ComparisonFiles files;

    private final int threads;

    /** Plans of the latest comparisons: a worker running many partitions reads each plan once. */
    private final Map<UUID, SetPlan> plans = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, SetPlan> eldest) {
                    return size() > 8;
                }
            });

    private final BuildTraceMetrics metrics;

    CompareSheetPairTasklet(Engines engines, ComparisonStore store, ComparisonFiles files, int threads,
                            BuildTraceMetrics metrics) {
        this.engines = engines;
        this.store = store;
        this.files = files;
        this.threads = threads;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        try (AutoCloseable running = metrics.partitionRunning()) {
            return compare(contribution, chunk);
        } finally {
            MDC.remove(LogKeys.SHEET);
        }
    }

    private RepeatStatus compare(StepContribution contribution, ChunkContext chunk) throws Exception {
        StepExecution step = chunk.getStepContext().getStepExecution();
        JobRequest r = JobRequest.of(step.getJobParameters(), threads);
        int index = step.getExecutionContext().getInt(JobKeys.TASK_INDEX);
        SetPlan planned = plans.computeIfAbsent(r.comparisonId(), store::plan);
        SheetTask task = planned.tasks().get(index);
        MDC.put(LogKeys.SHEET, sheet(task));
        if (step.getExecutionContext().containsKey(JobKeys.TASK_SAVED)) {
            LOG.info("sheet {}: saved by the run that was stopped, not compared again", MDC.get(LogKeys.SHEET));
            return RepeatStatus.FINISHED;
        }
        // the sets as files of this machine (the plan names them as the ingest step's machine had them)
        ComparisonFiles.Inputs sets = files.fetch(r, step.getJobExecution().getExecutionContext());
        SetPlan plan = new SetPlan(sets.oldSet(), sets.newSet(), planned.oldSheets(), planned.newSheets(),
                planned.tasks(), planned.stageMillis());
        StagedOutput out = files.output(r);
        PageComparison page = engines.get(r.options()).compare(plan, task, out.dir());
        Map<String, String> images = ComparisonStore.imageFiles(page.images());
        // the sheet's folder, published as soon as the sheet is done
        Map<String, StagedOutput.Published> published = out.publishFolders(images.values().stream()
                .map(f -> f.substring(0, Math.max(0, f.lastIndexOf('/')))).toList());
        store.saveResult(r.comparisonId(), task, page);
        metrics.sheetProcessed(page.status().json(), page.stageMillis());
        LOG.info("sheet {}: {} in {} ms", MDC.get(LogKeys.SHEET), page.status().json(), page.millis());
        store.saveArtifacts(r.comparisonId(), index, artifacts(images, published));
        store.heartbeat(r.comparisonId());
        step.getExecutionContext().putString(JobKeys.TASK_SAVED, "true");
        contribution.incrementWriteCount(1);
        return RepeatStatus.FINISHED;
    }

    /** A task's sheet for the log: the new sheet's number, else the old one's, else its folder. */
    static String sheet(SheetTask task) {
        SheetId id = task.newId() != null ? task.newId() : task.oldId();
        return id != null ? id.label() : task.dir();
    }

    /** The artifact rows of a sheet's images: kind to where the published file is. */
    private static Map<String, ComparisonStore.Artifact> artifacts(Map<String, String> images,
                                                                   Map<String, StagedOutput.Published> published) {
        Map<String, ComparisonStore.Artifact> artifacts = new LinkedHashMap<>();
        images.forEach((kind, file) -> {
            StagedOutput.Published p = published.get(file);
            if (p != null) {
                artifacts.put(kind, new ComparisonStore.Artifact(p.uri(), p.bytes()));
            }
        });
        return artifacts;
    }
}
