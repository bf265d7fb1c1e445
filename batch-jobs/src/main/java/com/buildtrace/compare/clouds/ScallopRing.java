package com.buildtrace.compare.clouds;

import com.buildtrace.compare.geom.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides whether a closed outline is a revision cloud: a ring of arcs that bulge outwards and meet at sharp
 * inward cusps, of similar size all round. The outline is resampled at an even spacing and the turning angle
 * is measured over a short window at every sample: inside an arc the outline turns with the ring's
 * orientation, at a cusp sharply against it. Works alike on flattened vector paths and on pixel contours.
 */
final class ScallopRing {

    /** Fewest scallops that make a cloud. */
    static final int MIN_SCALLOPS = 5;

    /** Turning against the ring's orientation, over the window, that makes a cusp (radians). */
    static final double CUSP_TURN = Math.toRadians(40);

    /** Share of the scallop chords that must be within 0.4 to 2.5 times their median. */
    static final double MIN_REGULAR_SHARE = 0.8;

    /** Share of the scallops that must be real arcs (bulging, turning with the ring). */
    static final double MIN_ARC_SHARE = 0.75;

    /** Most samples per outline. */
    static final int MAX_SAMPLES = 40_000;

    /**
     * A ring found to be a cloud.
     *
     * @param cusps x, y pairs of the cusps, in outline order
     * @param scallops number of arcs
     * @param medianChord median distance between neighbouring cusps
     * @param box extent of the outline
     */
    record Ring(double[] cusps, int scallops, double medianChord, Box box) {
    }

    private ScallopRing() {
    }

    /**
     * @param xy the closed outline as x, y pairs (the closing segment implied)
     * @param spacing resampling distance (points for vector, pixels for rasters)
     * @param window samples on either side over which turning is measured
     * @param minChord smallest median scallop chord
     * @param maxChord largest median scallop chord
     * @return the cloud, or null when the outline is not one
     */
    static Ring analyse(double[] xy, double spacing, int window, double minChord, double maxChord) {
        double perimeter = perimeter(xy);
        if (perimeter < MIN_SCALLOPS * minChord) {
            return null;
        }
        double step = Math.max(spacing, perimeter / MAX_SAMPLES);
        double[] q = resample(xy, perimeter, step);
        int m = q.length / 2;
        if (m < MIN_SCALLOPS * 4) {
            return null;
        }
        double area = signedArea(q);
        if (Math.abs(area) < 1e-6) {
            return null;
        }
        double orientation = Math.signum(area);
        double[] turn = new double[m];
        for (int i = 0; i < m; i++) {
            int a = Math.floorMod(i - window, m);
            int b = Math.floorMod(i + window, m);
            double ux = q[2 * i] - q[2 * a];
            double uy = q[2 * i + 1] - q[2 * a + 1];
            double vx = q[2 * b] - q[2 * i];
            double vy = q[2 * b + 1] - q[2 * i + 1];
            turn[i] = orientation * Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
        }
        int[] cusps = cusps(turn);
        int n = cusps.length;
        if (n < MIN_SCALLOPS) {
            return null;
        }
        double[] chords = new double[n];
        int arcs = 0;
        for (int j = 0; j < n; j++) {
            int from = cusps[j];
            int to = cusps[(j + 1) % n];
            int steps = Math.floorMod(to - from, m);
            if (steps == 0) {
                steps = m;
            }
            chords[j] = Math.hypot(q[2 * to] - q[2 * from], q[2 * to + 1] - q[2 * from + 1]);
            double along = 0;
            for (int s = 1; s < steps; s++) {
                along += turn[(from + s) % m];
            }
            double length = steps * step;
            if (chords[j] > 0 && length / chords[j] >= 1.06 && along > 0) {
                arcs++;
            }
        }
        if (arcs < MIN_ARC_SHARE * n) {
            return null;
        }
        double[] sorted = chords.clone();
        Arrays.sort(sorted);
        double median = sorted[n / 2];
        // scallops of about one size all round; a few odd ones (a tag drawn against the cloud) are tolerated
        long regular = Arrays.stream(chords).filter(c -> c >= 0.4 * median && c <= 2.5 * median).count();
        if (median < minChord || median > maxChord || regular < MIN_REGULAR_SHARE * n) {
            return null;
        }
        Box box = Box.around(q);
        if (box.width() < 1.5 * median || box.height() < 1.5 * median) {
            return null;
        }
        double[] points = new double[2 * n];
        for (int j = 0; j < n; j++) {
            points[2 * j] = q[2 * cusps[j]];
            points[2 * j + 1] = q[2 * cusps[j] + 1];
        }
        return new Ring(points, n, median, box);
    }

    /** The sharpest sample of every run of samples that turn against the ring by more than CUSP_TURN. */
    private static int[] cusps(double[] turn) {
        int m = turn.length;
        int start = -1;
        for (int i = 0; i < m; i++) {
            if (turn[i] > -CUSP_TURN) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return new int[0];
        }
        List<Integer> out = new ArrayList<>();
        int best = -1;
        for (int s = 1; s <= m; s++) {
            int i = (start + s) % m;
            if (turn[i] <= -CUSP_TURN) {
                if (best < 0 || turn[i] < turn[best]) {
                    best = i;
                }
            } else if (best >= 0) {
                out.add(best);
                best = -1;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static double perimeter(double[] xy) {
        int n = xy.length / 2;
        double p = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            p += Math.hypot(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
        }
        return p;
    }

    private static double signedArea(double[] q) {
        int n = q.length / 2;
        double a = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            a += q[2 * i] * q[2 * j + 1] - q[2 * j] * q[2 * i + 1];
        }
        return a / 2;
    }

    /** Points every {@code step} along the closed outline. */
    private static double[] resample(double[] xy, double perimeter, double step) {
        int n = xy.length / 2;
        int m = Math.max(1, (int) (perimeter / step));
        double[] q = new double[2 * m];
        int k = 0;
        double carried = 0;
        for (int i = 0; i < n && k < m; i++) {
            int j = (i + 1) % n;
            double x0 = xy[2 * i];
            double y0 = xy[2 * i + 1];
            double len = Math.hypot(xy[2 * j] - x0, xy[2 * j + 1] - y0);
            double d = carried;
            while (d < len && k < m) {
                double f = d / len;
                q[2 * k] = x0 + f * (xy[2 * j] - x0);
                q[2 * k + 1] = y0 + f * (xy[2 * j + 1] - y0);
                k++;
                d += step;
            }
            carried = d - len;
        }
        return k == m ? q : Arrays.copyOf(q, 2 * k);
    }
}
