package com.buildtrace.compare;

import com.buildtrace.compare.diff.ChangeKind;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.text.TextChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Brings the pixel regions and the text changes of a sheet together. A text change is the more exact
 * witness of what changed in its box: the region that shows it grows to cover the words, a replacement makes
 * it "modified", regions one text change spans become one, and a change the pixels missed (16'-8" and 17'-2"
 * overlap almost stroke for stroke at 150 dpi) still gets a region. Regions are then numbered in reading
 * order and each text change names its region.
 */
final class TextRegions {

    /** Regions and text changes, linked. */
    record Linked(List<ChangeRegion> regions, List<TextChange> textChanges) {
    }

    private TextRegions() {
    }

    static Linked reconcile(List<ChangeRegion> pixelRegions, List<TextChange> changes) {
        List<Draft> drafts = new ArrayList<>();
        for (ChangeRegion r : pixelRegions) {
            drafts.add(new Draft(r.box(), r.kind(), r.addedPx(), r.removedPx(), r.changedAreaPt2()));
        }
        for (TextChange c : changes) {
            Box words = c.box();
            Box reach = words.grow(1);
            List<Draft> hits = new ArrayList<>();
            for (Draft d : drafts) {
                if (d.box.intersects(reach)) {
                    hits.add(d);
                }
            }
            Draft merged = new Draft(words, kindOf(c), 0, 0, 0);
            for (Draft d : hits) {
                merged.absorb(d);
                drafts.remove(d);
            }
            if (c.kind() == TextChange.Kind.REPLACED) {
                merged.kind = ChangeKind.MODIFIED;
            } else if (hits.isEmpty()) {
                merged.kind = kindOf(c);
            }
            drafts.add(merged);
        }
        drafts.sort(Comparator.<Draft>comparingDouble(d -> Math.round(d.box.y())).thenComparingDouble(d -> d.box.x()));
        List<ChangeRegion> regions = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            regions.add(new ChangeRegion("r" + (regions.size() + 1), d.box, d.kind, d.added, d.removed, d.area));
        }
        List<TextChange> linked = new ArrayList<>(changes.size());
        for (TextChange c : changes) {
            Box reach = c.box().grow(1);
            ChangeRegion owner = regions.stream().filter(r -> r.box().intersects(reach))
                    .max(Comparator.comparingDouble(r -> r.box().grow(1).overlapArea(reach))).orElse(null);
            linked.add(owner == null ? c : c.withRegion(owner.id()));
        }
        return new Linked(regions, linked);
    }

    private static ChangeKind kindOf(TextChange c) {
        return switch (c.kind()) {
            case ADDED -> ChangeKind.ADDED;
            case REMOVED -> ChangeKind.REMOVED;
            case REPLACED -> ChangeKind.MODIFIED;
        };
    }

    /** A region being put together. */
    private static final class Draft {
        Box box;
        ChangeKind kind;
        long added;
        long removed;
        double area;

        Draft(Box box, ChangeKind kind, long added, long removed, double area) {
            this.box = box;
            this.kind = kind;
            this.added = added;
            this.removed = removed;
            this.area = area;
        }

        void absorb(Draft o) {
            box = box.union(o.box);
            if (o.kind != kind) {
                kind = added + removed == 0 ? o.kind : ChangeKind.MODIFIED;
            }
            added += o.added;
            removed += o.removed;
            area += o.area;
        }
    }
}
