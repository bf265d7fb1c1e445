package com.buildtrace.summary;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the summarizers and the chat read off a sheet result: its number and title, size, position in words,
 * regions by size, impact.
 */
public final class SheetFacts {

    private SheetFacts() {
    }

    /** The sheet's title (new set first), or null. */
    public static String title(PageComparison p) {
        String t = p.newSheet() != null ? p.newSheet().title() : null;
        return t == null && p.oldSheet() != null ? p.oldSheet().title() : t;
    }

    /** The sheet's number (new set first), or null. */
    public static String number(PageComparison p) {
        String n = p.newSheet() != null ? p.newSheet().number() : null;
        return n == null && p.oldSheet() != null ? p.oldSheet().number() : n;
    }

    /** Displayed size [w, h] in points of the sheet the regions are in. */
    public static double[] size(PageComparison p) {
        double[] s = p.newSize() != null ? p.newSize() : p.oldSize();
        return s == null ? new double[] {1, 1} : s;
    }

    /** Regions, largest changed area first (box area breaks ties: text-only regions have no pixels). */
    public static List<ChangeRegion> bySize(PageComparison p) {
        return p.regions().stream().sorted(Comparator.comparingDouble(ChangeRegion::changedAreaPt2)
                .thenComparingDouble(r -> r.box().area()).reversed()).toList();
    }

    public static Set<String> regionIds(PageComparison p) {
        return p.regions().stream().map(ChangeRegion::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Where a box is on its sheet, in words: "top left", "center", "bottom right". */
    public static String where(Box b, double[] size) {
        String v = third(b.centerY() / size[1], "top", "middle", "bottom");
        String h = third(b.centerX() / size[0], "left", "center", "right");
        if (v.equals("middle")) {
            return h.equals("center") ? "center" : "middle " + h;
        }
        return v + " " + h;
    }

    private static String third(double f, String low, String mid, String high) {
        return f < 1 / 3.0 ? low : f < 2 / 3.0 ? mid : high;
    }

    /** A box's size in points, for people: "120 × 80 pt". */
    public static String size(Box b) {
        return String.format(Locale.ROOT, "%.0f × %.0f pt", b.width(), b.height());
    }

    /** A box in points, for people: "120 × 80 pt at (310, 420)". */
    public static String box(Box b) {
        return size(b) + String.format(Locale.ROOT, " at (%.0f, %.0f)", b.x(), b.y());
    }

    /** How much a sheet changed, for ranking: changed area, plus 50 pt² per text change (as the report ranks). */
    public static double impactScore(PageComparison p) {
        return p.changedAreaPt2() + 50.0 * p.textChanges().size();
    }

    /** Changed, failed, added, removed sheets by impact; unchanged ones left out. */
    public static List<PageComparison> ranked(List<PageComparison> pages) {
        return pages.stream().filter(p -> p.status() != PageStatus.UNCHANGED)
                .sorted(Comparator.comparingInt((PageComparison p) -> switch (p.status()) {
                    case CHANGED -> 0;
                    case FAILED -> 1;
                    case ADDED -> 2;
                    case REMOVED -> 3;
                    case UNCHANGED -> 4;
                }).thenComparingDouble(p -> -impactScore(p))).toList();
    }

    /** Changed area as a fraction of the sheet. */
    public static double changedFraction(PageComparison p) {
        double[] s = size(p);
        return p.changedAreaPt2() / (s[0] * s[1]);
    }
}
