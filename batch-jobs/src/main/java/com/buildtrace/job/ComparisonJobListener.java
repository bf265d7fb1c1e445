package com.buildtrace.job;

import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.logging.JobLogContext;
import com.buildtrace.logging.LogKeys;
import com.buildtrace.metrics.BuildTraceMetrics;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Keeps the comparison's status in step with its job (a failed or stopped job marks it so, with the reason)
 * and closes the comparison's files in this process's engines once the job has ended. Counts the runs, their
 * outcomes and durations ({@link BuildTraceMetrics}). Each run gets a trace id, kept in the job's context for
 * its partitions wherever they run; the job's thread logs with it and the comparison id ({@link LogKeys}).
 */
public class ComparisonJobListener implements JobExecutionListener {

    private final ComparisonStore store;

    private final Engines engines;

    private final ComparisonFiles files;

    private final BuildTraceMetrics metrics;

    public ComparisonJobListener(ComparisonStore store, Engines engines, ComparisonFiles files,
                                 BuildTraceMetrics metrics) {
        this.store = store;
        this.engines = engines;
        this.files = files;
        this.metrics = metrics;
    }

    /** A run starts or resumes: the comparison (once ingested) is running again. */
    @Override
    public void beforeJob(JobExecution execution) {
        metrics.comparisonStarted(execution.getJobInstance().getJobName());
        String id = execution.getJobParameters().getString(JobKeys.COMPARISON_ID);
        // a run the API started carries its request's trace id (ComparisonRuns hands it over); others get a new one
        String requestTrace = MDC.get(LogKeys.TRACE);
        JobLogContext.startJob(execution, requestTrace != null ? requestTrace : JobLogContext.newTraceId());
        if (id != null) {
            store.markRunning(UUID.fromString(id), Owner.THIS_PROCESS);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            end(execution);
        } finally {
            JobLogContext.endJob();
        }
    }

    private void end(JobExecution execution) {
        record(execution);
        String oldUri = execution.getJobParameters().getString(JobKeys.OLD_URI);
        String newUri = execution.getJobParameters().getString(JobKeys.NEW_URI);
        if (oldUri != null && newUri != null) {
            engines.release(files.where(oldUri, newUri));
        }
        String id = execution.getJobParameters().getString(JobKeys.COMPARISON_ID);
        if (id == null || store.find(UUID.fromString(id)).isEmpty()) {
            return;
        }
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.FAILED || status == BatchStatus.ABANDONED) {
            store.finish(UUID.fromString(id), Comparison.FAILED, reason(execution));
        } else if (status == BatchStatus.STOPPED) {
            store.finish(UUID.fromString(id), Comparison.STOPPED, "stopped");
        }
    }


    private void record(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        String outcome = status == BatchStatus.COMPLETED ? "completed" : status == BatchStatus.STOPPED ? "stopped"
                : "failed";
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
        metrics.comparisonFinished(execution.getJobInstance().getJobName(), outcome,
                start == null ? Duration.ZERO : Duration.between(start, end));
    }

    /** The first line of the first failure, which names the file (and page) at fault. */
    public static String reason(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root
                    && !(root instanceof com.buildtrace.compare.source.DrawingInputException)) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            return message.lines().findFirst().orElse(message);
        }
        String exit = execution.getExitStatus().getExitDescription();
        return exit == null || exit.isBlank() ? "the job failed" : exit.lines().findFirst().orElse(exit);
    }
}
