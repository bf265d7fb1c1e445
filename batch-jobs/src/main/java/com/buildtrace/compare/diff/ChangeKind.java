package com.buildtrace.compare.diff;

import java.util.Locale;

/** What happened inside a change region. */
public enum ChangeKind {
    /** Ink only in the new sheet. */
    ADDED,
    /** Ink only in the old sheet. */
    REMOVED,
    /** Both: something was replaced or moved. */
    MODIFIED;

    /** Lower-case name as written in result.json. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
