package com.buildtrace.compare.clouds;

import com.buildtrace.compare.content.PageContent;
import java.awt.geom.AffineTransform;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether anything changed inside a cloud, judged from the path end points of the two sheets: a newly drawn
 * cloud and the change it surrounds form one change region (its box holds both), so the region alone cannot
 * tell a cloud around a change from a cloud around nothing. An end point inside the cloud, clear of its
 * scallops, with no counterpart on the other sheet is a change inside it.
 */
final class InteriorChanges implements Predicate<RevisionCloud> {

    /** End points closer than this are the same point, in points. */
    static final double SAME_PT = 0.75;

    private final float[] newAnchors;

    private final Set<Long> oldCells = new HashSet<>();

    private final float[] oldAnchors;

    private final Set<Long> newCells = new HashSet<>();

    /**
     * @param newContent the new sheet's content
     * @param oldContent the old sheet's content
     * @param oldToNew maps the old sheet's displayed points into the new sheet's
     */
    InteriorChanges(PageContent newContent, PageContent oldContent, AffineTransform oldToNew) {
        this.newAnchors = newContent.anchors();
        this.oldAnchors = oldContent.anchors().clone();
        oldToNew.transform(oldAnchors, 0, oldAnchors, 0, oldAnchors.length / 2);
        index(oldAnchors, oldCells);
        index(newAnchors, newCells);
    }

    @Override
    public boolean test(RevisionCloud cloud) {
        return unmatchedInside(newAnchors, oldCells, cloud) || unmatchedInside(oldAnchors, newCells, cloud);
    }

    private static boolean unmatchedInside(float[] anchors, Set<Long> other, RevisionCloud cloud) {
        java.awt.geom.Path2D polygon = cloud.polygon();
        double clear = 0.75 * cloud.scallopPt();
        for (int i = 0; i < anchors.length; i += 2) {
            float x = anchors[i];
            float y = anchors[i + 1];
            boolean inBox = x >= cloud.box().x() && x <= cloud.box().right() && y >= cloud.box().y()
                    && y <= cloud.box().bottom();
            if (inBox && deepInside(polygon, x, y, clear) && !matched(other, x, y)) {
                return true;
            }
        }
        return false;
    }

    /** Inside the polygon and at least {@code clear} from its outline. */
    private static boolean deepInside(java.awt.geom.Path2D polygon, double x, double y, double clear) {
        return polygon.contains(x - clear, y - clear, 2 * clear, 2 * clear);
    }

    private static void index(float[] anchors, Set<Long> cells) {
        for (int i = 0; i < anchors.length; i += 2) {
            cells.add(key(Math.floor(anchors[i] / SAME_PT), Math.floor(anchors[i + 1] / SAME_PT)));
        }
    }

    private static boolean matched(Set<Long> cells, double x, double y) {
        double cx = Math.floor(x / SAME_PT);
        double cy = Math.floor(y / SAME_PT);
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                if (cells.contains(key(cx + dx, cy + dy))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long key(double cx, double cy) {
        return ((long) cx << 32) ^ ((long) cy & 0xFFFFFFFFL);
    }
}
