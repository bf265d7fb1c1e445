package com.buildtrace.compare.align;

import com.buildtrace.compare.geom.Transforms;
import java.awt.geom.AffineTransform;
import java.util.Objects;

/**
 * How the old sheet maps onto the new one.
 *
 * @param matrix [a, b, c, d, e, f]: old point (x, y) goes to (a x + c y + e, b x + d y + f), displayed
 *     points, origin top-left
 * @param method how it was found
 * @param confidence 0..1: share of the evidence (words, path points, pixel correlation) the transform explains
 * @param residualPt typical remaining misfit of matched features, in points (NaN when not measured)
 * @param aligned false when no trustworthy alignment was found; the pair is then compared unmoved and the
 *     result says so
 */
public record Alignment(double[] matrix, Method method, double confidence, double residualPt, boolean aligned) {

    /** How an alignment was found. */
    public enum Method {
        /** The sheets already coincide. */
        IDENTITY,
        /** Matched words of the text layers. */
        TEXT,
        /** Matched end points of drawn paths. */
        VECTOR,
        /** Pixel correlation (ECC). */
        RASTER,
        /** Nothing worked. */
        NONE
    }

    public Alignment {
        Objects.requireNonNull(method, "method");
        if (matrix == null || matrix.length != 6) {
            throw new IllegalArgumentException("matrix must have 6 numbers");
        }
        for (double v : matrix) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("matrix must be finite");
            }
        }
        matrix = matrix.clone();
        confidence = Math.max(0, Math.min(1, confidence));
    }

    public static Alignment identity(double confidence) {
        return new Alignment(new double[] {1, 0, 0, 1, 0, 0}, Method.IDENTITY, confidence, 0, true);
    }

    public static Alignment failed() {
        return new Alignment(new double[] {1, 0, 0, 1, 0, 0}, Method.NONE, 0, Double.NaN, false);
    }

    @Override
    public double[] matrix() {
        return matrix.clone();
    }

    public AffineTransform transform() {
        return Transforms.fromMatrix(matrix);
    }

    public boolean isIdentity() {
        return matrix[0] == 1 && matrix[1] == 0 && matrix[2] == 0 && matrix[3] == 1 && matrix[4] == 0
                && matrix[5] == 0;
    }
}
