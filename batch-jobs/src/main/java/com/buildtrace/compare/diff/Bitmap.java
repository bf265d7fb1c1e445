package com.buildtrace.compare.diff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 1-bit image packed 64 pixels to a {@code long}: bit {@code i} of word {@code k} of a row is pixel
 * {@code 64 k + i}. Bits past the width are always 0.
 */
public final class Bitmap {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int width;

    private final int height;

    private final int wordsPerRow;

    private final long[] words;

    public Bitmap(int width, int height) {
        this(width, height, new long[wordsPerRow(width) * Math.max(0, height)]);
    }

    private Bitmap(int width, int height, long[] words) {
        if (width <= 0 || height < 0) {
            throw new IllegalArgumentException("bad size " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.wordsPerRow = wordsPerRow(width);
        this.words = words;
    }

    static int wordsPerRow(int width) {
        return (width + 63) >>> 6;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int wordsPerRow() {
        return wordsPerRow;
    }

    /** The backing words, row after row. */
    public long[] words() {
        return words;
    }

    public boolean get(int x, int y) {
        return (words[y * wordsPerRow + (x >>> 6)] >>> (x & 63) & 1L) != 0;
    }

    public void set(int x, int y) {
        words[y * wordsPerRow + (x >>> 6)] |= 1L << (x & 63);
    }

    /** Number of set pixels. */
    public long count() {
        long n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /**
     * Thresholds grey pixels into two masks in one pass: {@code dark} where grey < darkBelow, {@code any}
     * where grey < anyBelow. Runs of white (255) are skipped eight pixels at a time.
     *
     * @param gray grey rows, {@code width} bytes each, starting at {@code offset}
     * @param rows rows to read; both masks must have that height
     * @param any may be null when only the dark mask is wanted
     */
    public static void threshold(byte[] gray, int offset, int width, int rows, int darkBelow, int anyBelow,
                                 Bitmap dark, Bitmap any) {
        int wpr = wordsPerRow(width);
        long[] dw = dark.words;
        long[] aw = any == null ? null : any.words;
        for (int y = 0; y < rows; y++) {
            int row = offset + y * width;
            int base = y * wpr;
            int x = 0;
            while (x < width) {
                // eight white pixels at once: nothing to set
                if (x + 8 <= width && (x & 7) == 0 && (long) LONGS.get(gray, row + x) == -1L) {
                    x += 8;
                    continue;
                }
                int v = gray[row + x] & 0xFF;
                if (v < anyBelow) {
                    long bit = 1L << (x & 63);
                    int k = base + (x >>> 6);
                    if (aw != null) {
                        aw[k] |= bit;
                    }
                    if (v < darkBelow) {
                        dw[k] |= bit;
                    }
                }
                x++;
            }
        }
    }

    /**
     * {@code out |= this & ~dilate(other, r)} for the rows of {@code out}, which start {@code rowOffset} rows
     * into this bitmap; the dilation is computed row by row in a small ring buffer, so no dilated copy of
     * the band is ever allocated.
     */
    public void subtractDilated(Bitmap other, int r, Bitmap out, int rowOffset) {
        if (other.width != width || other.height != height || out.width != width) {
            throw new IllegalArgumentException("bitmaps differ in size");
        }
        int wpr = wordsPerRow;
        int ring = 2 * r + 1;
        long[][] rows = new long[ring][wpr];
        int[] rowOf = new int[ring];
        java.util.Arrays.fill(rowOf, -1);
        long lastMask = lastWordMask();
        long[] grown = new long[wpr];
        long[] ow = out.words;
        for (int y = 0; y < out.height; y++) {
            int fy = y + rowOffset;
            java.util.Arrays.fill(grown, 0L);
            for (int yy = Math.max(0, fy - r); yy <= Math.min(height - 1, fy + r); yy++) {
                int slot = yy % ring;
                if (rowOf[slot] != yy) {
                    other.dilateRow(yy, r, rows[slot], lastMask);
                    rowOf[slot] = yy;
                }
                long[] hr = rows[slot];
                for (int k = 0; k < wpr; k++) {
                    grown[k] |= hr[k];
                }
            }
            int src = fy * wpr;
            int dst = y * wpr;
            for (int k = 0; k < wpr; k++) {
                ow[dst + k] |= words[src + k] & ~grown[k];
            }
        }
    }

    /** Row {@code y} grown by r pixels left and right, into {@code dst}. */
    private void dilateRow(int y, int r, long[] dst, long lastMask) {
        int base = y * wordsPerRow;
        for (int k = 0; k < wordsPerRow; k++) {
            long m = words[base + k];
            long prev = k > 0 ? words[base + k - 1] : 0L;
            long next = k + 1 < wordsPerRow ? words[base + k + 1] : 0L;
            if ((m | prev | next) == 0) {
                dst[k] = 0;
                continue;
            }
            long acc = m;
            for (int s = 1; s <= r; s++) {
                acc |= (m << s) | (prev >>> (64 - s));
                acc |= (m >>> s) | (next << (64 - s));
            }
            dst[k] = k == wordsPerRow - 1 ? acc & lastMask : acc;
        }
    }

    /**
     * Morphological opening with a 2 x 2 square, in place: keeps pixels that belong to some fully set 2 x 2
     * block, so one-pixel-wide slivers and isolated pixels vanish while thicker marks keep their shape.
     */
    public void open2x2() {
        long[] eroded = new long[words.length];
        for (int y = 0; y + 1 < height; y++) {
            int a = y * wordsPerRow;
            int b = a + wordsPerRow;
            for (int k = 0; k < wordsPerRow; k++) {
                long m = words[a + k] & words[b + k];
                if (m == 0) {
                    continue;
                }
                long nextA = k + 1 < wordsPerRow ? words[a + k + 1] : 0L;
                long nextB = k + 1 < wordsPerRow ? words[b + k + 1] : 0L;
                // pixel x and x + 1 both set in rows y and y + 1
                eroded[a + k] = m & ((m >>> 1) | ((nextA & nextB) << 63));
            }
        }
        java.util.Arrays.fill(words, 0L);
        for (int y = 0; y < height; y++) {
            int row = y * wordsPerRow;
            for (int dy = 0; dy <= 1; dy++) {
                if (y - dy < 0) {
                    continue;
                }
                int src = (y - dy) * wordsPerRow;
                for (int k = 0; k < wordsPerRow; k++) {
                    long e = eroded[src + k];
                    if (e == 0 && (k == 0 || eroded[src + k - 1] >>> 63 == 0)) {
                        continue;
                    }
                    long prev = k > 0 ? eroded[src + k - 1] : 0L;
                    words[row + k] |= e | (e << 1) | (prev >>> 63);
                }
            }
        }
        int rem = width & 63;
        if (rem != 0) {
            long mask = (1L << rem) - 1;
            for (int y = 0; y < height; y++) {
                words[y * wordsPerRow + wordsPerRow - 1] &= mask;
            }
        }
    }

    private long lastWordMask() {
        int rem = width & 63;
        return rem == 0 ? -1L : (1L << rem) - 1;
    }
}
