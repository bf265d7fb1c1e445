package com.buildtrace.compare.clouds;

import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.text.TextChange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Audits a compared sheet's revision clouds against its detected changes: (a) changes that no cloud
 * surrounds and (b) clouds around which nothing changed. A change region that is itself a revision mark (a
 * newly drawn cloud or delta, or an old revision's cloud removed) is neither.
 */
public final class CloudAuditor {

    /** Share of a region's sample points that must lie in (or at) a cloud for the region to count as clouded. */
    static final double CLOUDED_SHARE = 0.5;

    /**
     * @param regions the sheet's change regions (points of the new sheet)
     * @param textChanges the sheet's text changes
     * @param marks revision marks of the new sheet
     * @param oldMarks revision marks of the old sheet, moved into the new sheet's frame
     * @param changedInside whether anything changed inside a cloud apart from its own outline (a newly drawn
     *     cloud and what it surrounds form one change region)
     */
    public CloudAudit audit(List<ChangeRegion> regions, List<TextChange> textChanges, RevisionMarks marks,
                            RevisionMarks oldMarks, Predicate<RevisionCloud> changedInside) {
        List<String> markRegions = new ArrayList<>();
        List<String> unclouded = new ArrayList<>();
        List<List<String>> inside = new ArrayList<>();
        marks.clouds().forEach(c -> inside.add(new ArrayList<>()));
        for (ChangeRegion r : regions) {
            int drawn = cloudDrawn(r.box(), marks);
            if (drawn >= 0) {
                // a cloud drawn in this revision: a change with it, or only the cloud
                RevisionCloud c = marks.clouds().get(drawn);
                if (changedInside.test(c) || textChanges.stream().anyMatch(t -> r.id().equals(t.regionId())
                        && !isDeltaText(t, marks))) {
                    inside.get(drawn).add(r.id());
                } else {
                    markRegions.add(r.id());
                }
                continue;
            }
            if (isDelta(r.box(), marks) || isDelta(r.box(), oldMarks) || cloudDrawn(r.box(), oldMarks) >= 0) {
                markRegions.add(r.id());
                continue;
            }
            boolean clouded = false;
            for (int i = 0; i < marks.clouds().size(); i++) {
                if (covered(r.box(), marks.clouds().get(i))) {
                    inside.get(i).add(r.id());
                    clouded = true;
                }
            }
            if (!clouded) {
                unclouded.add(r.id());
            }
        }
        List<RevisionCloud> clouds = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < marks.clouds().size(); i++) {
            RevisionCloud c = marks.clouds().get(i);
            clouds.add(c.with(c.id(), c.revision(), inside.get(i)));
            boolean textInside = textChanges.stream().anyMatch(t -> covered(t.box(), c) && !isDeltaText(t, marks));
            // a region much larger than the cloud (many changes merged) is not inside it, yet may change in it
            if (inside.get(i).isEmpty() && !textInside && !changedInside.test(c)) {
                empty.add(c.id());
            }
        }
        return new CloudAudit(clouds, marks.deltas(), unclouded, empty, markRegions);
    }

    /** The index of the cloud whose outline the region is (its box close to the cloud's), or -1. */
    private static int cloudDrawn(Box region, RevisionMarks marks) {
        for (int i = 0; i < marks.clouds().size(); i++) {
            RevisionCloud c = marks.clouds().get(i);
            double pad = Math.max(2, c.scallopPt() / 2);
            if (c.box().grow(pad).overlapArea(region) >= 0.95 * region.area()
                    && region.area() >= 0.6 * c.box().area()) {
                return i;
            }
        }
        return -1;
    }

    /** A region that is a delta tag. */
    private static boolean isDelta(Box region, RevisionMarks marks) {
        return marks.deltas().stream().anyMatch(d -> d.box().grow(3).overlapArea(region) >= 0.9 * region.area());
    }

    /** The revision number written in a delta tag. */
    private static boolean isDeltaText(TextChange t, RevisionMarks marks) {
        return isDelta(t.box(), marks);
    }

    /**
     * Whether anything changed inside a cloud, from the path end points of both sheets.
     *
     * @param oldToNew maps the old sheet's displayed points into the new sheet's
     */
    public static Predicate<RevisionCloud> changedInside(com.buildtrace.compare.content.PageContent newContent,
                                                         com.buildtrace.compare.content.PageContent oldContent,
                                                         java.awt.geom.AffineTransform oldToNew) {
        return new InteriorChanges(newContent, oldContent, oldToNew);
    }

    /** Whether anything changed inside a cloud, from the pixels of two scans. */
    public static Predicate<RevisionCloud> changedInside(com.buildtrace.compare.source.ImageSheet newSheet,
                                                         com.buildtrace.compare.source.ImageSheet oldSheet,
                                                         java.awt.geom.AffineTransform oldToNew) {
        return new RasterInteriorChanges(newSheet, oldSheet, oldToNew);
    }

    /** True when most of a box lies inside the cloud (or on its scallops). */
    static boolean covered(Box b, RevisionCloud cloud) {
        double tolerance = Math.max(2, cloud.scallopPt() / 2);
        int in = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double x = b.x() + b.width() * (0.1 + 0.4 * i);
                double y = b.y() + b.height() * (0.1 + 0.4 * j);
                if (cloud.covers(x, y, tolerance)) {
                    in++;
                }
            }
        }
        return in >= CLOUDED_SHARE * 9;
    }
}
