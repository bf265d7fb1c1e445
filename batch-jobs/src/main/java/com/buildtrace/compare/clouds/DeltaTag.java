package com.buildtrace.compare.clouds;

import com.buildtrace.compare.geom.Box;
import java.util.Objects;

/**
 * A delta tag: the triangle with a revision number that goes with a revision cloud.
 *
 * @param box the triangle's extent in displayed points
 * @param revision the number or letter inside it, or null when it cannot be read (scans, text drawn as strokes)
 */
public record DeltaTag(Box box, String revision) {

    public DeltaTag {
        Objects.requireNonNull(box, "box");
    }
}
