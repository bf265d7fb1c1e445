package com.buildtrace.job;

import com.buildtrace.compare.SetComparison;
import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.report.HtmlReportWriter;
import com.buildtrace.report.ResultJsonWriter;
import com.buildtrace.storage.StagedOutput;
import com.buildtrace.summary.SummaryStore;
import com.buildtrace.summary.SummaryVersion;
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

/**
 * Writes the set's result.json and report (with the current summary) from the stored sheet results, and marks
 * the comparison done.
 */
class FinalizeTasklet implements Tasklet {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FinalizeTasklet.class);

    private final ComparisonStore store;

    private final ComparisonFiles files;

    private final int threads;

    private final String version;

    private final SummaryStore summaries;

    FinalizeTasklet(ComparisonStore store, ComparisonFiles files, int threads, String version,
                    SummaryStore summaries) {
        this.store = store;
        this.files = files;
        this.summaries = summaries;
        this.threads = threads;
        this.version = version;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        JobRequest r = JobRequest.of(chunk.getStepContext().getStepExecution().getJobParameters(), threads);
        Comparison c = store.find(r.comparisonId()).orElseThrow();
        long millis = c.startedAt() == null ? 0 : Duration.between(c.startedAt(), OffsetDateTime.now()).toMillis();
        SetComparison result = store.setComparison(r.comparisonId(), r.options(), millis);
        StagedOutput staged = files.output(r);
        Path out = staged.dir();
        Files.createDirectories(out);
        Path json = out.resolve("result.json");
        Path html = out.resolve("index.html");
        new ResultJsonWriter().write(result, json, version);
        new HtmlReportWriter().write(result, summaries.current(r.comparisonId()).map(SummaryVersion::summary)
                .orElse(null), html);
        Map<String, Path> shareFiles = shareables(r, result, staged);
        // the set-level files (the sheets' folders were published by their partitions)
        Map<String, StagedOutput.Published> published = staged.publishRest(List.of("sheets"));
        store.saveArtifacts(r.comparisonId(), -1, Map.of(
                "result", artifact(published.get("result.json")), "report", artifact(published.get("index.html"))));
        Map<String, ComparisonStore.Artifact> shared = new LinkedHashMap<>();
        shareFiles.forEach((kind, file) -> {
            StagedOutput.Published p = published.get(out.relativize(file).toString().replace('\\', '/'));
            if (p != null) {
                shared.put(kind, artifact(p));
            }
        });
        store.saveArtifacts(r.comparisonId(), -1, shared);
        store.finish(r.comparisonId(), Comparison.COMPLETED, null);
        return RepeatStatus.FINISHED;
    }

    private static ComparisonStore.Artifact artifact(StagedOutput.Published file) {
        return new ComparisonStore.Artifact(file.uri(), file.bytes());
    }

    /**
     * The annotated PDF and the triage files (after summary.json, whose trade and severity they carry; a stored
     * output's summary.json was published already and is fetched back). A new set that PDFBox cannot write back
     * out costs the annotated PDF, not the comparison.
     */
    private Map<String, Path> shareables(JobRequest r, SetComparison result, StagedOutput staged) {
        try {
            staged.fetch(com.buildtrace.summary.SummaryService.FILE);
            return ShareFiles.write(result, staged.dir());
        } catch (IOException | RuntimeException e) {
            LOG.warn("comparison {}: the annotated PDF or the triage files could not be written", r.comparisonId(), e);
            return Map.of();
        }
    }
}
