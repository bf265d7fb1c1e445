package com.buildtrace.compare.align;

import java.util.Arrays;

/** Points hashed into square cells, for nearest-neighbour queries within one cell size. */
final class PointGrid {

    private final float[] xy;

    private final double cell;

    private final long[] keys;

    private final int[] index;

    PointGrid(float[] xy, double cell) {
        this.xy = xy;
        this.cell = cell;
        int n = xy.length / 2;
        // sort (cell key, index) pairs as primitives: boxing 200 000 indices costs more than the rest
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = key(cellOf(xy[2 * i]), cellOf(xy[2 * i + 1]));
        }
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        sortByKey(packed, order);
        keys = packed;
        index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = (int) order[i];
        }
    }

    /** Sorts keys ascending, carrying values along (heap sort: no allocation, no boxing). */
    private static void sortByKey(long[] keys, long[] values) {
        int n = keys.length;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(keys, values, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(keys, values, 0, end);
            siftDown(keys, values, 0, end);
        }
    }

    private static void siftDown(long[] keys, long[] values, int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && keys[child + 1] > keys[child]) {
                child++;
            }
            if (keys[i] >= keys[child]) {
                return;
            }
            swap(keys, values, i, child);
            i = child;
        }
    }

    private static void swap(long[] keys, long[] values, int a, int b) {
        long k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        long v = values[a];
        values[a] = values[b];
        values[b] = v;
    }

    private int cellOf(double v) {
        return (int) Math.floor(v / cell);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xFFFFFFFFL);
    }

    /** Index of the nearest point within {@code maxDist} (at most one cell size) of (x, y), or -1. */
    int nearest(double x, double y, double maxDist) {
        int cx = cellOf(x);
        int cy = cellOf(y);
        double best = maxDist * maxDist;
        int found = -1;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                long k = key(cx + dx, cy + dy);
                int i = Arrays.binarySearch(keys, k);
                if (i < 0) {
                    continue;
                }
                while (i > 0 && keys[i - 1] == k) {
                    i--;
                }
                for (; i < keys.length && keys[i] == k; i++) {
                    int p = index[i];
                    double ex = xy[2 * p] - x;
                    double ey = xy[2 * p + 1] - y;
                    double d = ex * ex + ey * ey;
                    if (d <= best) {
                        best = d;
                        found = p;
                    }
                }
            }
        }
        return found;
    }

    float x(int i) {
        return xy[2 * i];
    }

    float y(int i) {
        return xy[2 * i + 1];
    }
}
