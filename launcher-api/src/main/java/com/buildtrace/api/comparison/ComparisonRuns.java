package com.buildtrace.api.comparison;

import com.buildtrace.api.system.ApiProperties;
import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.job.ComparisonException;
import com.buildtrace.job.ComparisonLauncher;
import com.buildtrace.job.JobKeys;
import com.buildtrace.logging.LogKeys;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs comparisons in this process, at most {@code buildtrace.api.concurrent-comparisons} at once, the rest
 * waiting in order. A run is the batch job itself ({@link ComparisonLauncher}): its partitions go to threads,
 * worker processes, Kubernetes or Cloud Run as configured. After a start, comparisons that were queued, or
 * running in a process that is gone, are taken up again (a resumed comparison recomputes only its unfinished
 * sheets).
 */
@Component
class ComparisonRuns implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ComparisonRuns.class);

    private final ComparisonLauncher launcher;

    private final ComparisonStore store;

    private final ComparisonRepository comparisons;

    private final JobRepository jobs;

    private final JobOperator operator;

    private final ExecutorService pool;

    private final Map<UUID, Future<?>> queued = new ConcurrentHashMap<>();

    ComparisonRuns(ComparisonLauncher launcher, ComparisonStore store, ComparisonRepository comparisons,
                   JobRepository jobs, JobOperator operator, ApiProperties properties) {
        this.launcher = launcher;
        this.store = store;
        this.comparisons = comparisons;
        this.jobs = jobs;
        this.operator = operator;
        AtomicInteger n = new AtomicInteger();
        int threads = properties.concurrentComparisons();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "buildtrace-comparison-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a comparison to run (or resume) its job. */
    void start(UUID id) {
        submit(id, () -> launcher.resume(id));
    }

    /** Queues the job that compares some sheets of a finished comparison again. */
    void retry(UUID id, List<Integer> tasks) {
        submit(id, () -> launcher.retry(id, tasks));
    }

    private void submit(UUID id, JobCall call) {
        queued.compute(id, (key, existing) -> {
            if (existing != null && !existing.isDone()) {
                throw new ComparisonException("comparison " + id + " is already queued or running");
            }
            // the job's lines carry the trace id of the request (or schedule run) that queued it
            String trace = MDC.get(LogKeys.TRACE);
            return pool.submit(() -> {
                if (trace != null) {
                    MDC.put(LogKeys.TRACE, trace);
                }
                try {
                    JobExecution e = call.run();
                    LOG.info("comparison {} ended {}", id, e.getStatus());
                } catch (ComparisonException e) {
                    LOG.warn("comparison {} not run: {}", id, e.getMessage());
                } catch (Exception e) {
                    LOG.error("comparison {} could not run", id, e);
                    store.finish(id, Comparison.FAILED, "could not run: " + e.getMessage());
                } finally {
                    queued.remove(id);
                    MDC.remove(LogKeys.TRACE);
                }
            });
        });
    }

    /**
     * Cancels a comparison: one still waiting is taken out of the queue; a running one is stopped through the
     * job operator (sheets being compared finish, the others are not started) and ends as cancelled.
     *
     * @return true when it was stopped or dequeued, false when it was not running
     */
    boolean cancel(UUID id) throws InterruptedException {
        Future<?> waiting = queued.get(id);
        List<JobExecution> running = runningExecutions(id);
        if (running.isEmpty() && waiting != null && waiting.cancel(false)) {
            queued.remove(id);
            store.finish(id, Comparison.STOPPED, "cancelled before it started");
            return true;
        }
        // taken from the queue just now: its job execution appears within moments
        for (int i = 0; running.isEmpty() && waiting != null && !waiting.isDone() && i < 50; i++) {
            Thread.sleep(100);
            running = runningExecutions(id);
        }
        for (JobExecution e : running) {
            try {
                operator.stop(e);
            } catch (Exception ex) {
                throw new ComparisonException("comparison " + id + " could not be stopped: " + ex.getMessage());
            }
        }
        return !running.isEmpty();
    }

    /** True while the comparison waits here or runs here. */
    boolean active(UUID id) {
        Future<?> f = queued.get(id);
        return f != null && !f.isDone();
    }

    private List<JobExecution> runningExecutions(UUID id) {
        return java.util.stream.Stream.of(JobKeys.JOB, JobKeys.RETRY_JOB)
                .flatMap(job -> jobs.findRunningJobExecutions(job).stream())
                .filter(e -> id.toString().equals(e.getJobParameters().getString(JobKeys.COMPARISON_ID)))
                .toList();
    }

    /** Takes up comparisons left queued or running when this process (or another one) stopped. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (UUID id : comparisons.unfinished()) {
            LOG.info("taking up unfinished comparison {}", id);
            start(id);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    @FunctionalInterface
    private interface JobCall {
        JobExecution run() throws Exception;
    }
}
