package com.buildtrace.compare.clouds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins open curved pieces end to end into chains and returns the chains that close: a cloud written as one
 * path per scallop, or as a few open polylines, becomes one outline.
 */
final class ArcChains {

    private ArcChains() {
    }

    /**
     * @param pieces open polylines, x, y pairs
     * @param tolerance ends closer than this join
     * @return closed outlines made of two or more pieces (or of one piece whose ends meet within the tolerance)
     */
    static List<double[]> close(List<double[]> pieces, double tolerance) {
        Map<Long, List<Integer>> ends = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            double[] p = pieces.get(i);
            index(ends, p[0], p[1], 2 * i, tolerance);
            index(ends, p[p.length - 2], p[p.length - 1], 2 * i + 1, tolerance);
        }
        boolean[] used = new boolean[pieces.size()];
        List<double[]> out = new ArrayList<>();
        for (int start = 0; start < pieces.size(); start++) {
            if (used[start]) {
                continue;
            }
            used[start] = true;
            double[] first = pieces.get(start);
            Chain chain = new Chain(first);
            double headX = first[0];
            double headY = first[1];
            while (true) {
                if (chain.pieces > 1 && Math.hypot(chain.tailX() - headX, chain.tailY() - headY) <= tolerance) {
                    out.add(chain.points());
                    break;
                }
                int next = nearest(ends, pieces, used, chain.tailX(), chain.tailY(), tolerance);
                if (next < 0) {
                    break;
                }
                int piece = next / 2;
                used[piece] = true;
                chain.append(pieces.get(piece), next % 2 == 1);
            }
        }
        return out;
    }

    private static void index(Map<Long, List<Integer>> ends, double x, double y, int end, double cell) {
        ends.computeIfAbsent(key(Math.floor(x / cell), Math.floor(y / cell)), k -> new ArrayList<>(2)).add(end);
    }

    private static long key(double cx, double cy) {
        return ((long) cx << 32) ^ ((long) cy & 0xFFFFFFFFL);
    }

    /** The unused piece end nearest (x, y) within the tolerance, as 2 * piece + (1 for its last point). */
    private static int nearest(Map<Long, List<Integer>> ends, List<double[]> pieces, boolean[] used, double x,
                               double y, double tolerance) {
        double cx = Math.floor(x / tolerance);
        double cy = Math.floor(y / tolerance);
        int best = -1;
        double bestD = tolerance;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int end : ends.getOrDefault(key(cx + dx, cy + dy), List.of())) {
                    if (used[end / 2]) {
                        continue;
                    }
                    double[] p = pieces.get(end / 2);
                    int at = end % 2 == 0 ? 0 : p.length - 2;
                    double d = Math.hypot(p[at] - x, p[at + 1] - y);
                    if (d <= bestD) {
                        bestD = d;
                        best = end;
                    }
                }
            }
        }
        return best;
    }

    /** Points of a growing chain. */
    private static final class Chain {
        private double[] xy;
        private int n;
        int pieces;

        Chain(double[] first) {
            xy = Arrays.copyOf(first, Math.max(64, first.length * 2));
            n = first.length;
            pieces = 1;
        }

        double tailX() {
            return xy[n - 2];
        }

        double tailY() {
            return xy[n - 1];
        }

        /** Appends a piece that starts (or, when reversed, ends) at the tail; its joining point is skipped. */
        void append(double[] p, boolean reversed) {
            int count = p.length / 2;
            if (n + p.length > xy.length) {
                xy = Arrays.copyOf(xy, Math.max(xy.length * 2, n + p.length));
            }
            for (int k = 1; k < count; k++) {
                int i = reversed ? count - 1 - k : k;
                xy[n++] = p[2 * i];
                xy[n++] = p[2 * i + 1];
            }
            pieces++;
        }

        double[] points() {
            return Arrays.copyOf(xy, n);
        }
    }
}
