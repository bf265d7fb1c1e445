package com.buildtrace.compare.diff;

import com.buildtrace.compare.geom.Box;
import java.util.Objects;

/**
 * A group of changed pixels on the new sheet.
 *
 * @param id stable within its sheet pair: r1, r2, ... in reading order
 * @param box where, in points of the new sheet
 * @param kind added, removed or modified
 * @param addedPx changed pixels that are new ink (0 for a change seen only in the text layer)
 * @param removedPx changed pixels that are old ink
 * @param changedAreaPt2 area of the changed pixels in square points
 */
public record ChangeRegion(String id, Box box, ChangeKind kind, long addedPx, long removedPx, double changedAreaPt2) {

    /** The same region under another id. */
    public ChangeRegion withId(String newId) {
        return new ChangeRegion(newId, box, kind, addedPx, removedPx, changedAreaPt2);
    }

    public ChangeRegion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(kind, "kind");
        if (addedPx < 0 || removedPx < 0) {
            throw new IllegalArgumentException("pixel counts cannot be negative: +" + addedPx + " -" + removedPx);
        }
    }
}
