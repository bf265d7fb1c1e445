package com.buildtrace.compare.geom;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;

/** Helpers for the 2x3 matrices that map one sheet onto another. */
public final class Transforms {

    private Transforms() {
    }

    /** [a, b, c, d, e, f] with x' = a x + c y + e, y' = b x + d y + f (AffineTransform's flat order). */
    public static double[] toMatrix(AffineTransform t) {
        double[] m = new double[6];
        t.getMatrix(m);
        return m;
    }

    public static AffineTransform fromMatrix(double[] m) {
        if (m.length != 6) {
            throw new IllegalArgumentException("a 2x3 matrix has 6 numbers, not " + m.length);
        }
        return new AffineTransform(m);
    }

    public static AffineTransform inverse(AffineTransform t) {
        try {
            return t.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("transform is not invertible: " + t, e);
        }
    }

    /** The box holding the image of {@code b} under {@code t}. */
    public static Box map(AffineTransform t, Box b) {
        double[] pts = {b.x(), b.y(), b.right(), b.y(), b.right(), b.bottom(), b.x(), b.bottom()};
        t.transform(pts, 0, pts, 0, 4);
        double x0 = Math.min(Math.min(pts[0], pts[2]), Math.min(pts[4], pts[6]));
        double x1 = Math.max(Math.max(pts[0], pts[2]), Math.max(pts[4], pts[6]));
        double y0 = Math.min(Math.min(pts[1], pts[3]), Math.min(pts[5], pts[7]));
        double y1 = Math.max(Math.max(pts[1], pts[3]), Math.max(pts[5], pts[7]));
        return Box.ofCorners(x0, y0, x1, y1);
    }

    /**
     * Largest distance, over the four corners of a w x h page, between where {@code a} and {@code b} put
     * the corner: how far apart two alignments are, in points.
     */
    public static double cornerDistance(AffineTransform a, AffineTransform b, double w, double h) {
        double worst = 0;
        double[][] corners = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        for (double[] c : corners) {
            Point2D pa = a.transform(new Point2D.Double(c[0], c[1]), null);
            Point2D pb = b.transform(new Point2D.Double(c[0], c[1]), null);
            worst = Math.max(worst, pa.distance(pb));
        }
        return worst;
    }

    /** Uniform scale of a similarity-like transform. */
    public static double scale(AffineTransform t) {
        return Math.sqrt(Math.abs(t.getDeterminant()));
    }

    /** Rotation in degrees, positive clockwise on screen (y down). */
    public static double rotationDeg(AffineTransform t) {
        return Math.toDegrees(Math.atan2(t.getShearY(), t.getScaleX()));
    }
}
