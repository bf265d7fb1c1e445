package com.buildtrace.compare;

import java.util.Locale;

/** Outcome for one sheet of the sets. */
public enum PageStatus {
    /** Paired, with changes. */
    CHANGED,
    /** Paired, no change found. */
    UNCHANGED,
    /** Only in the new set. */
    ADDED,
    /** Only in the old set. */
    REMOVED,
    /** Paired, but the comparison of this pair failed (bad page); the reason is given. */
    FAILED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
