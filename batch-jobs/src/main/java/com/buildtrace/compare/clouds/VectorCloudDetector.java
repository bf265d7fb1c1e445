package com.buildtrace.compare.clouds;

import com.buildtrace.compare.content.PathSink;
import com.buildtrace.compare.content.Word;
import com.buildtrace.compare.geom.Box;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds revision clouds and delta tags in a page's vector content. Told every painted path (as a
 * {@link PathSink}), it keeps the candidates: closed curved outlines, open arcs (CAD programs often write a
 * cloud as one arc per scallop, which are chained end to end here) and triangles. {@link #marks} then tests the
 * closed outlines with {@link ScallopRing} and reads the revision inside each triangle from the text layer.
 * Not thread-safe: one detector per page.
 */
public final class VectorCloudDetector implements PathSink {

    /** Scallop chords between these sizes, in points (1/32 in to 1.5 in). */
    static final double MIN_CHORD_PT = 2.25;

    static final double MAX_CHORD_PT = 108;

    /** Ends of arcs closer than this join into one chain, in points. */
    static final double JOIN_PT = 0.6;

    /** Candidates kept at most per page (a page denser than this in curves keeps the first ones). */
    static final int MAX_CANDIDATES = 200_000;

    /** Delta triangles between these side lengths, in points. */
    static final double MIN_DELTA_PT = 5;

    static final double MAX_DELTA_PT = 60;

    private final List<double[]> rings = new ArrayList<>();

    private final List<double[]> pieces = new ArrayList<>();

    private final List<double[]> triangles = new ArrayList<>();

    private final double[] seg = new double[6];

    /** Forgets what was collected (the page is read again by another reader). */
    public void clear() {
        rings.clear();
        pieces.clear();
        triangles.clear();
    }

    @Override
    public void painted(Shape path, AffineTransform toDisplay, boolean stroked) {
        PathIterator it = path.getPathIterator(toDisplay);
        Subpath sub = new Subpath();
        while (!it.isDone()) {
            int type = it.currentSegment(seg);
            switch (type) {
                case PathIterator.SEG_MOVETO -> {
                    keep(sub, stroked);
                    sub = new Subpath();
                    sub.add(seg[0], seg[1]);
                }
                case PathIterator.SEG_LINETO -> {
                    sub.add(seg[0], seg[1]);
                    sub.lines++;
                }
                case PathIterator.SEG_QUADTO -> {
                    sub.curve(sub.lastX(), sub.lastY(), seg[0], seg[1], seg[0], seg[1], seg[2], seg[3]);
                }
                case PathIterator.SEG_CUBICTO -> {
                    sub.curve(sub.lastX(), sub.lastY(), seg[0], seg[1], seg[2], seg[3], seg[4], seg[5]);
                }
                case PathIterator.SEG_CLOSE -> sub.closed = true;
                default -> {
                    // no other segment types exist
                }
            }
            it.next();
        }
        keep(sub, stroked);
    }

    private void keep(Subpath s, boolean stroked) {
        if (s.n < 4 || rings.size() + pieces.size() + triangles.size() >= MAX_CANDIDATES) {
            return;
        }
        double[] xy = Arrays.copyOf(s.xy, s.n);
        boolean closed = s.closed || Math.hypot(xy[0] - s.lastX(), xy[1] - s.lastY()) < JOIN_PT;
        if (s.curves == 0) {
            if (closed && s.lines <= 4) {
                triangle(xy);
            } else if (closed && stroked && s.lines >= 4 * ScallopRing.MIN_SCALLOPS) {
                rings.add(xy); // a cloud whose arcs were flattened into short lines
            }
            return;
        }
        if (!stroked) {
            return;
        }
        if (closed && s.curves >= ScallopRing.MIN_SCALLOPS) {
            rings.add(xy);
        } else if (!closed && s.curves >= 0.6 * (s.curves + s.lines)) {
            pieces.add(xy);
        }
    }

    private void triangle(double[] xy) {
        double[] v = distinctVertices(xy);
        if (v.length != 6) {
            return;
        }
        double a = Math.hypot(v[2] - v[0], v[3] - v[1]);
        double b = Math.hypot(v[4] - v[2], v[5] - v[3]);
        double c = Math.hypot(v[0] - v[4], v[1] - v[5]);
        double min = Math.min(a, Math.min(b, c));
        double max = Math.max(a, Math.max(b, c));
        if (min < MIN_DELTA_PT || max > MAX_DELTA_PT || max > 1.3 * min) {
            return;
        }
        // delta tags stand upright: one side level
        boolean level = false;
        for (int i = 0; i < 3; i++) {
            int j = (i + 1) % 3;
            double angle = Math.toDegrees(Math.atan2(Math.abs(v[2 * j + 1] - v[2 * i + 1]),
                    Math.abs(v[2 * j] - v[2 * i])));
            level |= angle < 8;
        }
        if (level) {
            triangles.add(v);
        }
    }

    private static double[] distinctVertices(double[] xy) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            double x = xy[i];
            double y = xy[i + 1];
            boolean seen = out.stream().anyMatch(p -> Math.hypot(p[0] - x, p[1] - y) < 0.5);
            if (!seen) {
                out.add(new double[] {x, y});
            }
        }
        double[] v = new double[out.size() * 2];
        for (int i = 0; i < out.size(); i++) {
            v[2 * i] = out.get(i)[0];
            v[2 * i + 1] = out.get(i)[1];
        }
        return v;
    }

    /**
     * The clouds and delta tags among what was collected.
     *
     * @param words the page's words, for the revision inside each delta
     */
    public RevisionMarks marks(List<Word> words) {
        List<double[]> outlines = new ArrayList<>(rings);
        outlines.addAll(ArcChains.close(pieces, JOIN_PT));
        List<ScallopRing.Ring> found = new ArrayList<>();
        for (double[] outline : outlines) {
            double spacing = Math.max(0.2, ScallopRing.perimeter(outline) / 8000);
            ScallopRing.Ring ring = ScallopRing.analyse(outline, spacing, 2, MIN_CHORD_PT, MAX_CHORD_PT);
            if (ring != null && found.stream().noneMatch(r -> sameBox(r.box(), ring.box()))) {
                found.add(ring);
            }
        }
        List<DeltaTag> deltas = new ArrayList<>();
        for (double[] t : triangles) {
            Box box = Box.around(t);
            String revision = revisionInside(box, words);
            boolean nearCloud = found.stream().anyMatch(r -> r.box().grow(Math.max(12, 2 * r.medianChord()))
                    .intersects(box));
            if ((revision != null || nearCloud) && deltas.stream().noneMatch(d -> sameBox(d.box(), box))) {
                deltas.add(new DeltaTag(box, revision));
            }
        }
        return CloudMarks.assemble(found, deltas);
    }

    /** The short word whose centre lies inside the triangle's box: a revision number or letter. */
    private static String revisionInside(Box box, List<Word> words) {
        for (Word w : words) {
            Box b = w.box();
            if (w.text().length() <= 3 && box.grow(0.5).intersects(new Box(b.centerX(), b.centerY(), 0, 0))
                    && b.height() < box.height()) {
                return w.text();
            }
        }
        return null;
    }

    static boolean sameBox(Box a, Box b) {
        double overlap = a.overlapArea(b);
        double union = a.area() + b.area() - overlap;
        return union > 0 && overlap / union > 0.9;
    }

    /** A subpath being read: its points (curves flattened), with counts of its segment kinds. */
    private static final class Subpath {
        double[] xy = new double[64];
        int n;
        int lines;
        int curves;
        boolean closed;

        void add(double x, double y) {
            if (n + 2 > xy.length) {
                xy = Arrays.copyOf(xy, xy.length * 2);
            }
            xy[n++] = x;
            xy[n++] = y;
        }

        double lastX() {
            return n == 0 ? 0 : xy[n - 2];
        }

        double lastY() {
            return n == 0 ? 0 : xy[n - 1];
        }

        /** A cubic from (x0, y0), flattened into 8 pieces. */
        void curve(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
            if (n == 0) {
                add(x0, y0);
            }
            for (int i = 1; i <= 8; i++) {
                double t = i / 8.0;
                double u = 1 - t;
                double a = u * u * u;
                double b = 3 * u * u * t;
                double c = 3 * u * t * t;
                double d = t * t * t;
                add(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3);
            }
            curves++;
        }
    }
}
