package com.buildtrace.compare.clouds;

import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.text.TextChange;
import java.util.ArrayList;
import java.util.List;

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
     */
    public CloudAudit audit(List<ChangeRegion> regions, List<TextChange> textChanges, RevisionMarks marks,
                            RevisionMarks oldMarks) {
        List<String> markRegions = new ArrayList<>();
        List<String> unclouded = new ArrayList<>();
        List<List<String>> inside = new ArrayList<>();
        marks.clouds().forEach(c -> inside.add(new ArrayList<>()));
        for (ChangeRegion r : regions) {
            if (isMark(r.box(), marks) || isMark(r.box(), oldMarks)) {
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
            boolean textInside = textChanges.stream().anyMatch(t -> covered(t.box(), c));
            if (inside.get(i).isEmpty() && !textInside) {
                empty.add(c.id());
            }
        }
        return new CloudAudit(clouds, marks.deltas(), unclouded, empty, markRegions);
    }

    /** A region that is a cloud (its box close to the cloud's) or a delta tag. */
    private static boolean isMark(Box region, RevisionMarks marks) {
        for (RevisionCloud c : marks.clouds()) {
            double pad = Math.max(2, c.scallopPt() / 2);
            Box grown = c.box().grow(pad);
            if (grown.overlapArea(region) >= 0.95 * region.area() && region.area() >= 0.6 * c.box().area()) {
                return true;
            }
        }
        for (DeltaTag d : marks.deltas()) {
            if (d.box().grow(3).overlapArea(region) >= 0.9 * region.area()) {
                return true;
            }
        }
        return false;
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
