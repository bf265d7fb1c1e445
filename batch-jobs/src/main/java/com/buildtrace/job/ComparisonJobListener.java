package com.buildtrace.job;

import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonStore;
import java.util.UUID;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Keeps the comparison's status in step with its job: a failed or stopped job marks it so, with the reason. */
class ComparisonJobListener implements JobExecutionListener {

    private final ComparisonStore store;

    ComparisonJobListener(ComparisonStore store) {
        this.store = store;
    }

    @Override
    public void afterJob(JobExecution execution) {
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

    /** The first line of the first failure, which names the file (and page) at fault. */
    static String reason(JobExecution execution) {
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
