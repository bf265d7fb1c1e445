package com.buildtrace.logging;

/**
 * The MDC keys of a comparison's log lines: set for the job's thread by the job listener and for a partition's
 * thread by its tasklet, so every line written there (and each JSON line's fields) names the comparison, the
 * job run's trace id, and the sheet ({@link JobLogContext} sets them).
 */
public final class LogKeys {

    /** The comparison's id (also the name of the job parameter that holds it). */
    public static final String COMPARISON = "comparisonId";

    /** A trace id (W3C format, 32 hex digits) per run of a job, shared by the manager and its workers. */
    public static final String TRACE = "traceId";

    /** The sheet task of a partition: its label, such as {@code A-101} or {@code A-101 -> A-101a}. */
    public static final String SHEET = "sheet";

    /** The partition's step, such as {@code compareSheetPairStep:sheetPair3}. */
    public static final String PARTITION = "partition";

    private LogKeys() {
    }
}
