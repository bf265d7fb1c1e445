package com.buildtrace.share;

import com.buildtrace.compare.diff.ChangeKind;
import java.awt.Color;

/** The colours of change markups, the same as the report's region boxes; the audit has its own. */
public final class MarkupColors {

    /** Added: blue. */
    public static final Color ADDED = new Color(0x1F5FD6);

    /** Removed: red. */
    public static final Color REMOVED = new Color(0xD62728);

    /** Modified (replaced or moved): purple. */
    public static final Color MODIFIED = new Color(0x8E44AD);

    /** Cloud audit findings (a change without a cloud, a cloud without a change): orange. */
    public static final Color AUDIT = new Color(0xE67E22);

    private MarkupColors() {
    }

    public static Color of(ChangeKind kind) {
        return switch (kind) {
            case ADDED -> ADDED;
            case REMOVED -> REMOVED;
            case MODIFIED -> MODIFIED;
        };
    }
}
