package com.buildtrace.compare;

/** Hears how a comparison advances; all methods may be called from worker threads. */
public interface CompareListener {

    /** The sets were read and paired: {@code total} sheet pairs will be compared. */
    default void paired(int total) {
    }

    /** A sheet pair (or an added/removed sheet) is done. */
    default void sheetDone(PageComparison page, int done, int total) {
    }

    /** Listens to nothing. */
    CompareListener NONE = new CompareListener() {
    };
}
