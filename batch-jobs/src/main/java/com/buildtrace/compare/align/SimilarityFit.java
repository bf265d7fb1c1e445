package com.buildtrace.compare.align;

import java.awt.geom.AffineTransform;

/**
 * Least-squares similarity (uniform scale, rotation, translation) from point pairs: the closed form of
 * Umeyama's method without reflection.
 */
final class SimilarityFit {

    private double sw;
    private double spx;
    private double spy;
    private double sqx;
    private double sqy;
    private double spp;
    private double sdot;
    private double scross;

    /** Adds a pair: (px, py) should map to (qx, qy). */
    void add(double px, double py, double qx, double qy, double weight) {
        sw += weight;
        spx += weight * px;
        spy += weight * py;
        sqx += weight * qx;
        sqy += weight * qy;
        spp += weight * (px * px + py * py);
        sdot += weight * (px * qx + py * qy);
        scross += weight * (px * qy - py * qx);
    }

    /** The fitted transform, or null with fewer than two distinct points. */
    AffineTransform fit() {
        if (sw <= 0) {
            return null;
        }
        double mpx = spx / sw;
        double mpy = spy / sw;
        double mqx = sqx / sw;
        double mqy = sqy / sw;
        double var = spp - sw * (mpx * mpx + mpy * mpy);
        if (var < 1e-9) {
            return null;
        }
        double dot = sdot - sw * (mpx * mqx + mpy * mqy);
        double cross = scross - sw * (mpx * mqy - mpy * mqx);
        double a = dot / var;
        double b = cross / var;
        double tx = mqx - (a * mpx - b * mpy);
        double ty = mqy - (b * mpx + a * mpy);
        return new AffineTransform(a, b, -b, a, tx, ty);
    }

    /** A plausible re-plot: scale within 0.5..2. */
    static boolean plausible(AffineTransform t) {
        if (t == null) {
            return false;
        }
        double s = Math.sqrt(Math.abs(t.getDeterminant()));
        return s > 0.5 && s < 2;
    }
}
