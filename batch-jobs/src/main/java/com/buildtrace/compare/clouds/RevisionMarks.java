package com.buildtrace.compare.clouds;

import com.buildtrace.compare.geom.Box;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * The revision marks of one sheet: its clouds and delta tags.
 *
 * @param clouds revision clouds, in reading order
 * @param deltas delta tags
 */
public record RevisionMarks(List<RevisionCloud> clouds, List<DeltaTag> deltas) {

    public RevisionMarks {
        clouds = List.copyOf(clouds);
        deltas = List.copyOf(deltas);
    }

    /** A sheet without marks. */
    public static RevisionMarks none() {
        return new RevisionMarks(List.of(), List.of());
    }

    /** The same marks moved by a transform of displayed points (an old sheet into the new sheet's frame). */
    public RevisionMarks transformed(AffineTransform t) {
        if (t.isIdentity()) {
            return this;
        }
        List<RevisionCloud> moved = new ArrayList<>();
        for (RevisionCloud c : clouds) {
            double[] outline = c.outline().clone();
            t.transform(outline, 0, outline, 0, outline.length / 2);
            double scale = Math.sqrt(Math.abs(t.getDeterminant()));
            moved.add(new RevisionCloud(c.id(), Box.around(outline), outline, c.scallops(), c.scallopPt() * scale,
                    c.revision(), c.regionIds()));
        }
        List<DeltaTag> tags = new ArrayList<>();
        for (DeltaTag d : deltas) {
            Box b = d.box();
            double[] corners = {b.x(), b.y(), b.right(), b.y(), b.right(), b.bottom(), b.x(), b.bottom()};
            t.transform(corners, 0, corners, 0, 4);
            tags.add(new DeltaTag(Box.around(corners), d.revision()));
        }
        return new RevisionMarks(moved, tags);
    }
}
