package com.buildtrace.compare.diff;

import java.util.Arrays;

/**
 * Changed pixels counted per cell of {@code cellPx} x {@code cellPx} pixels, kept sparse (only cells with a
 * change), in row-major order. Memory grows with the amount of change, not with the sheet.
 */
public final class ChangeCells {

    private final int cellPx;

    private final int shift;

    private int size;

    private int[] cx = new int[1024];

    private int[] cy = new int[1024];

    private int[] added = new int[1024];

    private int[] removed = new int[1024];

    private int[] strong = new int[1024];

    private int[] rowStrong = new int[0];

    private int[] rowAdded = new int[0];

    private int[] rowRemoved = new int[0];

    public ChangeCells(int cellPx) {
        if (Integer.bitCount(cellPx) != 1) {
            throw new IllegalArgumentException("cellPx must be a power of two: " + cellPx);
        }
        this.cellPx = cellPx;
        this.shift = Integer.numberOfTrailingZeros(cellPx);
    }

    public int cellPx() {
        return cellPx;
    }

    public int size() {
        return size;
    }

    public int x(int i) {
        return cx[i];
    }

    public int y(int i) {
        return cy[i];
    }

    public int added(int i) {
        return added[i];
    }

    public int removed(int i) {
        return removed[i];
    }

    /** Changed pixels of the cell confirmed at the strong tolerance (all of them without hysteresis). */
    public int strong(int i) {
        return strong[i];
    }

    /** Total changed pixels counted. */
    public long totalPixels() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += added[i] + removed[i];
        }
        return n;
    }

    /**
     * Counts the changed pixels of a band. Bands must come top to bottom and start on a cell boundary
     * (except where the sheet ends).
     */
    public void accumulate(BandDiff band) {
        if (band.y0() % cellPx != 0) {
            throw new IllegalArgumentException("band must start on a cell row: " + band.y0());
        }
        int cellsPerRow = (band.width() + cellPx - 1) >>> shift;
        if (rowAdded.length < cellsPerRow) {
            rowAdded = new int[cellsPerRow];
            rowRemoved = new int[cellsPerRow];
            rowStrong = new int[cellsPerRow];
        }
        int wpr = band.removed().wordsPerRow();
        long[] rw = band.removed().words();
        long[] aw = band.added().words();
        long[] sw = band.strong() == null ? null : band.strong().words();
        int rows = band.rows();
        long cellMask = cellPx == 64 ? -1L : (1L << cellPx) - 1;
        for (int y = 0; y < rows; y += cellPx) {
            boolean any = false;
            int yEnd = Math.min(rows, y + cellPx);
            for (int yy = y; yy < yEnd; yy++) {
                int base = yy * wpr;
                for (int k = 0; k < wpr; k++) {
                    long r = rw[base + k];
                    long a = aw[base + k];
                    if ((r | a) == 0) {
                        continue;
                    }
                    any = true;
                    long s = sw == null ? r | a : sw[base + k];
                    for (int b = 0; b < 64; b += cellPx) {
                        long rm = (r >>> b) & cellMask;
                        long am = (a >>> b) & cellMask;
                        if ((rm | am) != 0) {
                            int c = (k * 64 + b) >>> shift;
                            rowRemoved[c] += Long.bitCount(rm);
                            rowAdded[c] += Long.bitCount(am);
                            rowStrong[c] += Long.bitCount((s >>> b) & cellMask & (rm | am));
                        }
                    }
                }
            }
            if (any) {
                int cellRow = (band.y0() + y) >>> shift;
                for (int c = 0; c < cellsPerRow; c++) {
                    if ((rowAdded[c] | rowRemoved[c]) != 0) {
                        append(c, cellRow, rowAdded[c], rowRemoved[c], rowStrong[c]);
                        rowAdded[c] = 0;
                        rowRemoved[c] = 0;
                        rowStrong[c] = 0;
                    }
                }
            }
        }
    }

    void append(int x, int y, int a, int r, int s) {
        if (size == cx.length) {
            int n = size * 2;
            cx = Arrays.copyOf(cx, n);
            cy = Arrays.copyOf(cy, n);
            added = Arrays.copyOf(added, n);
            removed = Arrays.copyOf(removed, n);
            strong = Arrays.copyOf(strong, n);
        }
        cx[size] = x;
        cy[size] = y;
        added[size] = a;
        removed[size] = r;
        strong[size] = s;
        size++;
    }

    /** Index of the cell at (x, y), or -1; cells are sorted by row, then column. */
    int find(int x, int y) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = cy[mid] != y ? Integer.compare(cy[mid], y) : Integer.compare(cx[mid], x);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }
}
