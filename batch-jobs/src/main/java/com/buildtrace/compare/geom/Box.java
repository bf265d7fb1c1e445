package com.buildtrace.compare.geom;

/**
 * An axis-aligned box in displayed page points (origin top-left, y down).
 *
 * @param x left edge
 * @param y top edge
 * @param width width, >= 0
 * @param height height, >= 0
 */
public record Box(double x, double y, double width, double height) {

    public Box {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("box size must be >= 0: " + width + " x " + height);
        }
    }

    /** The box spanning two corners given in any order. */
    public static Box ofCorners(double x0, double y0, double x1, double y1) {
        return new Box(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    /** The box around x, y pairs. */
    public static Box around(double[] xy) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < xy.length; i += 2) {
            x0 = Math.min(x0, xy[i]);
            x1 = Math.max(x1, xy[i]);
            y0 = Math.min(y0, xy[i + 1]);
            y1 = Math.max(y1, xy[i + 1]);
        }
        return ofCorners(x0, y0, x1, y1);
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public double area() {
        return width * height;
    }

    /** The smallest box holding both. */
    public Box union(Box o) {
        return ofCorners(Math.min(x, o.x), Math.min(y, o.y), Math.max(right(), o.right()), Math.max(bottom(), o.bottom()));
    }

    /** This box grown by {@code d} on every side. */
    public Box grow(double d) {
        return new Box(x - d, y - d, Math.max(0, width + 2 * d), Math.max(0, height + 2 * d));
    }

    /** True when the boxes overlap or touch. */
    public boolean intersects(Box o) {
        return x <= o.right() && o.x <= right() && y <= o.bottom() && o.y <= bottom();
    }

    /** Area shared with another box (0 when apart). */
    public double overlapArea(Box o) {
        double w = Math.min(right(), o.right()) - Math.max(x, o.x);
        double h = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Largest of the horizontal and vertical gaps between the boxes (0 or less when they overlap). */
    public double gap(Box o) {
        double gx = Math.max(o.x - right(), x - o.right());
        double gy = Math.max(o.y - bottom(), y - o.bottom());
        return Math.max(gx, gy);
    }

    /** This box clipped to [0, w] x [0, h]; may become empty. */
    public Box clip(double w, double h) {
        double x0 = Math.max(0, Math.min(w, x));
        double y0 = Math.max(0, Math.min(h, y));
        double x1 = Math.max(0, Math.min(w, right()));
        double y1 = Math.max(0, Math.min(h, bottom()));
        return ofCorners(x0, y0, x1, y1);
    }
}
