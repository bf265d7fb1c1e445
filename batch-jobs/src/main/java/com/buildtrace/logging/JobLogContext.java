package com.buildtrace.logging;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Puts a job's identity into the MDC of the thread that works for it ({@link LogKeys}), and takes it out again.
 * The comparison id is the job parameter {@value LogKeys#COMPARISON}; the trace id is made per run and kept in
 * the job's execution context, which every worker (thread, process, pod, Cloud Run task) reads.
 */
public final class JobLogContext {

    private JobLogContext() {
    }

    /** The job's thread, from the start of a run: a new trace id, kept in the job's context. */
    public static void startJob(JobExecution execution, String traceId) {
        execution.getExecutionContext().putString(LogKeys.TRACE, traceId);
        put(execution, null);
    }

    /** A new trace id: 128 random bits as 32 hex digits (the W3C trace-context form). */
    public static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    /** The job's thread at the end of a run. */
    public static void endJob() {
        MDC.remove(LogKeys.COMPARISON);
        MDC.remove(LogKeys.TRACE);
    }

    /** A partition's thread, while it runs the partition; closing takes the keys out again. */
    public static AutoCloseable partition(StepExecution step) {
        put(step.getJobExecution(), step.getStepName());
        return () -> {
            for (String key : new String[] {LogKeys.COMPARISON, LogKeys.TRACE, LogKeys.PARTITION, LogKeys.SHEET}) {
                MDC.remove(key);
            }
        };
    }

    private static void put(JobExecution execution, String partition) {
        String comparison = execution.getJobParameters().getString(LogKeys.COMPARISON);
        String trace = execution.getExecutionContext().getString(LogKeys.TRACE, null);
        if (comparison != null) {
            MDC.put(LogKeys.COMPARISON, comparison);
        }
        if (trace != null) {
            MDC.put(LogKeys.TRACE, trace);
        }
        if (partition != null) {
            MDC.put(LogKeys.PARTITION, partition);
        }
    }
}
