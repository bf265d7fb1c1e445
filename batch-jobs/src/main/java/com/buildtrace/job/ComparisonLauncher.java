package com.buildtrace.job;

import com.buildtrace.compare.CompareOptions;
import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonProgress;
import com.buildtrace.comparison.ComparisonStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts, resumes and retries comparisons, in this process: the one way the command line (and later the
 * API) runs {@code compareDrawingsJob}. While a comparison runs here, its heartbeat is kept fresh so that
 * another process can tell a running comparison from one whose process was killed.
 */
@Component
public class ComparisonLauncher {

    private final JobOperator operator;

    private final JobRepository repository;

    private final Job compareJob;

    private final Job retryJob;

    private final ComparisonStore store;

    private final JobProperties properties;

    public ComparisonLauncher(JobOperator operator, JobRepository repository,
                              @Qualifier("compareDrawingsJob") Job compareJob,
                              @Qualifier("retrySheetsJob") Job retryJob, ComparisonStore store,
                              JobProperties properties) {
        this.operator = operator;
        this.repository = repository;
        this.compareJob = compareJob;
        this.retryJob = retryJob;
        this.store = store;
        this.properties = properties;
    }

    /**
     * Runs a comparison to its end. A comparison already known under this id (it failed, or its process was
     * killed) is resumed: the sheet pairs it completed are not compared again.
     *
     * @throws ComparisonException when the comparison is running elsewhere, is already complete, or was
     *     started with other files
     */
    public JobExecution run(JobRequest request) throws Exception {
        store.find(request.comparisonId()).ifPresent(c -> sameFiles(c, request));
        JobParameters params = request.toParameters();
        JobExecution last = repository.getLastJobExecution(JobKeys.JOB, params);
        if (last != null && last.getStatus().isRunning()) {
            recoverIfDead(request.comparisonId(), last);
        }
        try {
            return withHeartbeat(request.comparisonId(), () -> operator.start(compareJob, params));
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new ComparisonException("comparison " + request.comparisonId() + " is already complete; "
                    + "use retry to compare some of its sheets again");
        }
    }

    /** Resumes a comparison that failed or whose process was killed, with the files it was started with. */
    public JobExecution resume(UUID id) throws Exception {
        return run(request(id));
    }

    /**
     * Compares the given sheet tasks of a comparison again (sheets that failed, after their files were fixed),
     * then writes its summary, result.json and report anew.
     */
    public JobExecution retry(UUID id, List<Integer> tasks) throws Exception {
        Comparison c = store.find(id).orElseThrow(() -> new ComparisonException("no comparison " + id));
        if (c.sheetsTotal() == null) {
            throw new ComparisonException("comparison " + id + " has not paired its sheets yet; resume it instead");
        }
        if (tasks.isEmpty()) {
            throw new ComparisonException("comparison " + id + ": no sheets to retry");
        }
        JobExecution last = repository.getLastJobExecution(JobKeys.JOB, request(id).toParameters());
        if (last != null && last.getStatus().isRunning()) {
            recoverIfDead(id, last);
        }
        JobParameters params = new JobParametersBuilder(request(id).toParameters())
                .addString(JobKeys.TASKS, tasks.stream().map(String::valueOf).collect(Collectors.joining(",")), true)
                .addString(JobKeys.REQUESTED_AT, OffsetDateTime.now().toString(), true).toJobParameters();
        return withHeartbeat(id, () -> operator.start(retryJob, params));
    }

    /**
     * The sheet tasks of a comparison named by their sheets (number, or "page N"), plus every task that
     * failed when {@code failed} is set.
     *
     * @throws ComparisonException naming a sheet the comparison does not have
     */
    public List<Integer> tasksOf(UUID id, List<String> sheets, boolean failed) {
        store.find(id).orElseThrow(() -> new ComparisonException("no comparison " + id));
        List<ComparisonProgress.Sheet> known = store.progress(id).sheets();
        java.util.TreeSet<Integer> tasks = new java.util.TreeSet<>();
        for (String sheet : sheets) {
            List<Integer> match = known.stream().filter(s -> s.label().equalsIgnoreCase(sheet.trim()))
                    .map(ComparisonProgress.Sheet::taskIndex).toList();
            if (match.isEmpty()) {
                throw new ComparisonException("comparison " + id + " has no sheet " + sheet + "; its sheets are "
                        + known.stream().map(ComparisonProgress.Sheet::label).collect(Collectors.joining(", ")));
            }
            tasks.addAll(match);
        }
        if (failed) {
            known.stream().filter(s -> "failed".equals(s.status())).forEach(s -> tasks.add(s.taskIndex()));
        }
        return List.copyOf(tasks);
    }

    /** The request a known comparison was made with. */
    public JobRequest request(UUID id) {
        Comparison c = store.find(id).orElseThrow(() -> new ComparisonException("no comparison " + id));
        return new JobRequest(id, c.oldUri(), c.newUri(), c.outUri(),
                c.compareOptions(CompareOptions.defaults().threads()));
    }

    private static void sameFiles(Comparison c, JobRequest r) {
        if (!c.oldUri().equals(r.oldUri()) || !c.newUri().equals(r.newUri()) || !c.outUri().equals(r.outUri())) {
            throw new ComparisonException("comparison " + c.id() + " was started with " + c.oldUri() + " and "
                    + c.newUri() + " into " + c.outUri() + "; resume it with the same files");
        }
    }

    /**
     * A job execution recorded as running: if its process is gone (a process of this host that no longer
     * exists, or no sign of life for a while), it is marked failed so that it can be restarted; if it is
     * alive, the comparison is running elsewhere.
     */
    private void recoverIfDead(UUID id, JobExecution last) {
        Comparison c = store.find(id).orElse(null);
        OffsetDateTime beat = c == null ? null : c.heartbeatAt();
        Duration silent = beat == null ? Duration.ofDays(365) : Duration.between(beat, OffsetDateTime.now());
        boolean ownerGone = c != null && c.owner() != null && Owner.isDeadHere(c.owner());
        if (!ownerGone && silent.compareTo(properties.staleAfter()) < 0) {
            throw new ComparisonException("comparison " + id + " is running in another process (last sign of life "
                    + silent.toSeconds() + " s ago)");
        }
        operator.recover(last);
    }

    private JobExecution withHeartbeat(UUID id, JobCall call) throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "buildtrace-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, properties.staleAfter().toMillis() / 3);
        ticker.scheduleAtFixedRate(() -> {
            try {
                store.heartbeat(id, Owner.THIS_PROCESS);
            } catch (RuntimeException e) {
                // the next beat tries again; a database that stays away fails the job itself
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        try {
            return call.run();
        } finally {
            ticker.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface JobCall {
        JobExecution run() throws Exception;
    }
}
