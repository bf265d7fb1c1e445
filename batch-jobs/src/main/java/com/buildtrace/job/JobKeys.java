package com.buildtrace.job;

/** Names of the job, its steps, parameters and context keys. */
public final class JobKeys {

    public static final String JOB = "compareDrawingsJob";

    /** Computes chosen sheet tasks of a comparison again. */
    public static final String RETRY_JOB = "retrySheetsJob";

    public static final String INGEST_STEP = "ingestStep";

    public static final String PAIR_STEP = "pairSheetsStep";

    public static final String MANAGER_STEP = "compareSheetsStep";

    public static final String WORKER_STEP = "compareSheetPairStep";

    public static final String SUMMARIZE_STEP = "summarizeStep";

    public static final String FINALIZE_STEP = "finalizeStep";

    /** Partition names: sheetPair0, sheetPair1, ... */
    public static final String PARTITION_PREFIX = "sheetPair";

    /** Identifying job parameter: one job instance per comparison, restarts resume it. */
    public static final String COMPARISON_ID = "comparisonId";

    public static final String OLD_URI = "oldUri";

    public static final String NEW_URI = "newUri";

    public static final String OUT_URI = "outUri";

    public static final String DPI = "dpi";

    public static final String BAND_MEGAPIXELS = "bandMegapixels";

    public static final String FULL_IMAGES = "fullImages";

    /** Job parameter: cut the full-size images into tile pyramids (absent in older jobs: they did). */
    public static final String TILE_PYRAMIDS = "tilePyramids";

    /** Retry job: the sheet tasks to compute again, comma-separated indexes (absent: all). */
    public static final String TASKS = "tasks";

    /** Retry job: when the retry was asked for (identifying, so that a sheet may be retried again). */
    public static final String REQUESTED_AT = "requestedAt";

    /** Job context: time the ingest step spent per stage (read, identify), as JSON. */
    public static final String INGEST_MILLIS = "ingestMillis";

    /**
     * Job context: the stored objects the old set was copied from when the comparison started, as JSON (absent
     * for a local set); later steps, workers and restarts find them again unchanged or fail.
     */
    public static final String OLD_SET_OBJECTS = "oldSetObjects";

    /** Job context: likewise for the new set. */
    public static final String NEW_SET_OBJECTS = "newSetObjects";

    /** Partition context: which sheet task of the plan. */
    public static final String TASK_INDEX = "taskIndex";

    /**
     * Partition context: set once the partition's sheet result and images are saved. A run stopped while the
     * sheet was being compared marks the partition stopped, though its sheet is done; its restart keeps it.
     */
    public static final String TASK_SAVED = "taskSaved";

    private JobKeys() {
    }
}
