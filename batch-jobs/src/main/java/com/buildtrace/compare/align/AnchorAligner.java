package com.buildtrace.compare.align;

import com.buildtrace.compare.geom.Transforms;
import java.awt.geom.AffineTransform;

/**
 * Refines an alignment on the end points of drawn paths (iterative closest points with a shrinking gate):
 * a re-plot moves every vertex by the same similarity, so after a few rounds the old vertices land on the
 * new ones to within a thousandth of a point. Works on sheets without a text layer.
 */
final class AnchorAligner {

    /** Old anchors used at most per round (evenly spread): plenty to fit four parameters. */
    static final int MAX_SAMPLES = 6_000;

    /** Anchors within this distance after alignment count as matched. */
    static final double MATCH_PT = 0.25;

    /** Result of a refinement. */
    record Result(AffineTransform transform, double inlierShare, double residualPt, int samples) {
    }

    /**
     * @param oldAnchors x, y pairs of the old sheet
     * @param newAnchors x, y pairs of the new sheet
     * @param start starting transform (old to new)
     * @param gate largest distance at which points are paired in the first round, in points
     * @param newWidth width of the new sheet (old points mapped off it are not counted)
     * @param newHeight height of the new sheet
     */
    Result refine(float[] oldAnchors, float[] newAnchors, AffineTransform start, double gate, double newWidth,
                  double newHeight) {
        int nOld = oldAnchors.length / 2;
        if (nOld == 0 || newAnchors.length == 0) {
            return new Result(start, 0, Double.NaN, 0);
        }
        PointGrid grid = new PointGrid(newAnchors, gate);
        int stride = Math.max(1, nOld / MAX_SAMPLES);
        AffineTransform t = new AffineTransform(start);
        double[] p = new double[2];
        for (double g = gate; g >= MATCH_PT / 2; g /= 2) {
            for (int round = 0; round < 6; round++) {
                SimilarityFit fit = new SimilarityFit();
                for (int i = 0; i < nOld; i += stride) {
                    p[0] = oldAnchors[2 * i];
                    p[1] = oldAnchors[2 * i + 1];
                    t.transform(p, 0, p, 0, 1);
                    int j = grid.nearest(p[0], p[1], g);
                    if (j >= 0) {
                        fit.add(oldAnchors[2 * i], oldAnchors[2 * i + 1], grid.x(j), grid.y(j), 1);
                    }
                }
                AffineTransform next = fit.fit();
                if (!SimilarityFit.plausible(next)) {
                    break;
                }
                double moved = Transforms.cornerDistance(t, next, newWidth, newHeight);
                t = next;
                if (moved < 1e-3) {
                    break;
                }
            }
        }
        int counted = 0;
        int matched = 0;
        double sum = 0;
        for (int i = 0; i < nOld; i += stride) {
            p[0] = oldAnchors[2 * i];
            p[1] = oldAnchors[2 * i + 1];
            t.transform(p, 0, p, 0, 1);
            if (p[0] < 0 || p[1] < 0 || p[0] > newWidth || p[1] > newHeight) {
                continue;
            }
            counted++;
            int j = grid.nearest(p[0], p[1], MATCH_PT);
            if (j >= 0) {
                matched++;
                double ex = grid.x(j) - p[0];
                double ey = grid.y(j) - p[1];
                sum += ex * ex + ey * ey;
            }
        }
        double share = counted == 0 ? 0 : matched / (double) counted;
        return new Result(t, share, matched == 0 ? Double.NaN : Math.sqrt(sum / matched), counted);
    }
}
