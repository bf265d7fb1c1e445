package com.buildtrace.compare.diff;

import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.geom.UnionFind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups changed cells into regions: touching cells form a component, components with too few changed
 * pixels are dropped as noise, and components closer than a gap are merged, so that one edit (a replaced
 * word, an added note, a hatch) becomes one region and separate edits stay separate.
 */
public final class RegionBuilder {

    /** A region is modified when the smaller of its added and removed pixel counts is at least this share. */
    static final double MODIFIED_SHARE = 0.15;

    private final double dpi;

    private final long minPixels;

    private final long minStrong;

    private final double mergeGapPt;

    /** Where on the new sheet changes can be told from clipping at a sheet's edge. */
    @FunctionalInterface
    public interface ComparedArea {
        /** True when a change at (x, y), in points of the new sheet, is a change of the drawing. */
        boolean at(double x, double y);

        /** Everywhere. */
        ComparedArea EVERYWHERE = (x, y) -> true;
    }

    /**
     * @param dpi resolution of the pixels
     * @param minPixels components with fewer changed pixels are noise
     * @param minStrong components with fewer pixels confirmed at the strong tolerance are slivers along
     *     unchanged lines
     * @param mergeGapPt components closer than this (in points) become one region
     */
    public RegionBuilder(double dpi, long minPixels, long minStrong, double mergeGapPt) {
        this.dpi = dpi;
        this.minPixels = minPixels;
        this.minStrong = minStrong;
        this.mergeGapPt = mergeGapPt;
    }

    /**
     * @param widthPt width of the new sheet (regions are clipped to it)
     * @param heightPt height of the new sheet
     * @param comparable cells outside it are left out (edge clipping of a re-plot)
     */
    public List<ChangeRegion> build(ChangeCells cells, double widthPt, double heightPt, ComparedArea comparable) {
        int gapCells = (int) Math.round(mergeGapPt * dpi / 72.0 / cells.cellPx());
        // noise is judged per component, before merging, so that specks never add up to a region
        List<Group> parts = components(cells, comparable, cells.cellPx() * 72.0 / dpi);
        parts.removeIf(g -> g.added + g.removed < minPixels || g.strong < minStrong);
        List<Group> groups = mergeWithin(parts, gapCells);
        groups.sort(Comparator.<Group>comparingInt(g -> g.y0).thenComparingInt(g -> g.x0));
        double ptPerCell = cells.cellPx() * 72.0 / dpi;
        double pt2PerPx = (72.0 / dpi) * (72.0 / dpi);
        List<ChangeRegion> regions = new ArrayList<>(groups.size());
        for (Group g : groups) {
            Box box = new Box(g.x0 * ptPerCell, g.y0 * ptPerCell, (g.x1 - g.x0 + 1) * ptPerCell,
                    (g.y1 - g.y0 + 1) * ptPerCell).clip(widthPt, heightPt);
            regions.add(new ChangeRegion("r" + (regions.size() + 1), box, kind(g.added, g.removed), g.added,
                    g.removed, (g.added + g.removed) * pt2PerPx));
        }
        return regions;
    }

    static ChangeKind kind(long added, long removed) {
        long total = added + removed;
        if (Math.min(added, removed) >= MODIFIED_SHARE * total) {
            return ChangeKind.MODIFIED;
        }
        return added > removed ? ChangeKind.ADDED : ChangeKind.REMOVED;
    }

    /** Cells of one component: box in cell units and pixel counts. */
    static final class Group {
        int x0;
        int y0;
        int x1;
        int y1;
        long added;
        long removed;
        long strong;

        Group(int x, int y) {
            x0 = x;
            x1 = x;
            y0 = y;
            y1 = y;
        }

        void absorb(Group o) {
            x0 = Math.min(x0, o.x0);
            y0 = Math.min(y0, o.y0);
            x1 = Math.max(x1, o.x1);
            y1 = Math.max(y1, o.y1);
            added += o.added;
            removed += o.removed;
            strong += o.strong;
        }

        /** Cells between the boxes (0 when they touch or overlap). */
        int gap(Group o) {
            int gx = Math.max(o.x0 - x1, x0 - o.x1) - 1;
            int gy = Math.max(o.y0 - y1, y0 - o.y1) - 1;
            return Math.max(0, Math.max(gx, gy));
        }
    }

    /** 8-connected components of the cells, with a union-find over the row-major cell list. */
    static List<Group> components(ChangeCells cells, ComparedArea comparable, double ptPerCell) {
        int n = cells.size();
        UnionFind sets = new UnionFind(n);
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = comparable.at((cells.x(i) + 0.5) * ptPerCell, (cells.y(i) + 0.5) * ptPerCell);
        }
        for (int i = 0; i < n; i++) {
            int x = cells.x(i);
            int y = cells.y(i);
            if (i > 0 && cells.y(i - 1) == y && cells.x(i - 1) == x - 1) {
                sets.union(i, i - 1);
            }
            for (int dx = -1; dx <= 1; dx++) {
                int j = cells.find(x + dx, y - 1);
                if (j >= 0) {
                    sets.union(i, j);
                }
            }
        }
        Map<Integer, Group> byRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!keep[i]) {
                continue;
            }
            int root = sets.find(i);
            Group g = byRoot.get(root);
            if (g == null) {
                g = new Group(cells.x(i), cells.y(i));
                byRoot.put(root, g);
            } else {
                g.absorb(new Group(cells.x(i), cells.y(i)));
            }
            g.added += cells.added(i);
            g.removed += cells.removed(i);
            g.strong += cells.strong(i);
        }
        return new ArrayList<>(byRoot.values());
    }



    /** Merges groups closer than {@code gap} cells until no two are: sweeps over groups sorted by left edge. */
    static List<Group> mergeWithin(List<Group> groups, int gap) {
        List<Group> current = new ArrayList<>(groups);
        boolean changed = true;
        while (changed) {
            changed = false;
            current.sort(Comparator.comparingInt(g -> g.x0));
            List<Group> out = new ArrayList<>(current.size());
            boolean[] gone = new boolean[current.size()];
            for (int i = 0; i < current.size(); i++) {
                if (gone[i]) {
                    continue;
                }
                Group g = current.get(i);
                boolean grew = true;
                while (grew) {
                    grew = false;
                    for (int j = i + 1; j < current.size(); j++) {
                        Group o = current.get(j);
                        if (o.x0 - g.x1 - 1 > gap) {
                            break;
                        }
                        if (!gone[j] && g.gap(o) <= gap) {
                            g.absorb(o);
                            gone[j] = true;
                            grew = true;
                            changed = true;
                        }
                    }
                }
                out.add(g);
            }
            current = out;
        }
        return current;
    }
}
