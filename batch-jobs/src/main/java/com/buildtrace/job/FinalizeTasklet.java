package com.buildtrace.job;

import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.SetPlan;
import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.report.HtmlReportWriter;
import com.buildtrace.report.ResultJsonWriter;
import com.buildtrace.share.ShareFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes the set's result.json and report from the stored sheet results, and marks the comparison done. */
class FinalizeTasklet implements Tasklet {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FinalizeTasklet.class);

    private final ComparisonStore store;

    private final int threads;

    private final String version;

    FinalizeTasklet(ComparisonStore store, int threads, String version) {
        this.store = store;
        this.threads = threads;
        this.version = version;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        JobRequest r = JobRequest.of(chunk.getStepContext().getStepExecution().getJobParameters(), threads);
        Comparison c = store.find(r.comparisonId()).orElseThrow();
        SetPlan plan = store.plan(r.comparisonId());
        List<PageComparison> pages = SetComparator.inSheetOrder(store.results(r.comparisonId()));
        long millis = c.startedAt() == null ? 0 : Duration.between(c.startedAt(), OffsetDateTime.now()).toMillis();
        Map<String, Long> stages = new LinkedHashMap<>(plan.stageMillis());
        stages.put("compare", pages.stream().mapToLong(PageComparison::millis).sum());
        CompareOptions options = r.options();
        SetComparison result = new SetComparison(plan.oldFile(), plan.newFile(), pages, options, millis, stages);
        Path out = JobRequest.path(r.outUri());
        Files.createDirectories(out);
        Path json = out.resolve("result.json");
        Path html = out.resolve("index.html");
        new ResultJsonWriter().write(result, json, version);
        new HtmlReportWriter().write(result, html);
        store.saveArtifacts(r.comparisonId(), -1, Map.of(
                "result", new ComparisonStore.Artifact(json.toUri().toString(), Files.size(json)),
                "report", new ComparisonStore.Artifact(html.toUri().toString(), Files.size(html))));
        shareables(r, result, out);
        store.finish(r.comparisonId(), Comparison.COMPLETED, null);
        return RepeatStatus.FINISHED;
    }

    /**
     * The annotated PDF and the triage files (after summary.json, whose trade and severity they carry). A new
     * set that PDFBox cannot write back out costs the annotated PDF, not the comparison.
     */
    private void shareables(JobRequest r, SetComparison result, Path out) {
        try {
            Map<String, ComparisonStore.Artifact> files = new LinkedHashMap<>();
            for (Map.Entry<String, Path> f : ShareFiles.write(result, out).entrySet()) {
                files.put(f.getKey(), new ComparisonStore.Artifact(f.getValue().toUri().toString(),
                        Files.size(f.getValue())));
            }
            store.saveArtifacts(r.comparisonId(), -1, files);
        } catch (IOException | RuntimeException e) {
            LOG.warn("comparison {}: the annotated PDF or the triage files could not be written", r.comparisonId(), e);
        }
    }
}
