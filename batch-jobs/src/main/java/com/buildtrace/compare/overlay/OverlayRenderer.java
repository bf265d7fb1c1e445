package com.buildtrace.compare.overlay;

import com.buildtrace.compare.diff.BandDiff;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Paints the overlay of a sheet pair band by band: removed ink red, added ink blue, unchanged dark ink mid
 * grey, unchanged light ink (fills, screened content) pale grey, paper white. Writes the full-resolution
 * overlay as it goes and keeps a reduced copy for the preview and thumbnail, in which a changed pixel wins
 * over its block so that small changes stay visible.
 */
public final class OverlayRenderer implements Closeable {

    /** Palette: paper, light ink, dark ink, removed, added. */
    public static final int[] PALETTE = {0xFFFFFF, 0xE6E6E6, 0xA9A9A9, 0xD62728, 0x1F5FD6};

    /** Palette index of paper. */
    public static final byte PAPER = 0;

    /** Palette index of light ink. */
    public static final byte LIGHT = 1;

    /** Palette index of dark ink. */
    public static final byte DARK = 2;

    /** Palette index of removed ink. */
    public static final byte REMOVED = 3;

    /** Palette index of added ink. */
    public static final byte ADDED = 4;

    private final int width;

    private final PngWriter full;

    private final RowSink tiles;

    private final int rowBytes;

    private byte[] band = new byte[0];

    private final java.util.concurrent.ExecutorService encoder;

    private java.util.concurrent.Future<?> encoding;

    private final int factor;

    private final int previewWidth;

    private final int previewHeight;

    private final byte[] preview;

    /** Masks OR-ed over the rows of the current preview block row. */
    private final long[] blockRemoved;

    private final long[] blockAdded;

    private final long[] blockDark;

    private final long[] blockInk;

    private int blockRow = -1;

    /**
     * Four pixels' codes from their bit planes: index = p0 | p1 << 4 | p2 << 8 (bit i of each plane is pixel
     * i); value = two bytes of 4-bit palette indices, leftmost pixel in the high nibble of the first byte.
     */
    private static final short[] NIBBLES = new short[1 << 12];

    static {
        for (int idx = 0; idx < NIBBLES.length; idx++) {
            int v = 0;
            for (int px = 0; px < 4; px++) {
                int code = ((idx >> px) & 1) | ((idx >> (4 + px)) & 1) << 1 | ((idx >> (8 + px)) & 1) << 2;
                v |= code << (12 - 4 * px);
            }
            NIBBLES[idx] = (short) v;
        }
    }

    /**
     * @param fullImage where to write the full-resolution overlay, or null for the preview only
     * @param previewMaxWidth the preview is reduced by a whole factor to at most this width (and height)
     * @param encoder where the full-resolution overlay is compressed while the caller goes on
     * @param tiles where the full-resolution rows go as well (4-bit palette indices: the tile pyramid), or null;
     *     closed with the overlay
     */
    public OverlayRenderer(Path fullImage, int width, int height, double dpi, int previewMaxWidth,
                           java.util.concurrent.ExecutorService encoder, RowSink tiles) throws IOException {
        this.width = width;
        this.full = fullImage == null ? null
                : PngWriter.palette(open(fullImage), width, height, 4, PALETTE, dpi);
        this.tiles = tiles;
        this.rowBytes = (width + 1) / 2;
        this.encoder = encoder;
        this.factor = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) previewMaxWidth));
        this.previewWidth = (width + factor - 1) / factor;
        this.previewHeight = (height + factor - 1) / factor;
        this.preview = new byte[previewWidth * previewHeight];
        int words = (width + 63) >>> 6;
        this.blockRemoved = new long[words];
        this.blockAdded = new long[words];
        this.blockDark = new long[words];
        this.blockInk = new long[words];
    }

    static OutputStream open(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    public int previewWidth() {
        return previewWidth;
    }

    public int previewHeight() {
        return previewHeight;
    }

    /**
     * Paints the next band; bands must come top to bottom. The full-resolution rows are compressed on the
     * encoder while the caller goes on; the next call, or {@link #finish}, waits for that.
     */
    public void render(BandDiff diff) throws IOException {
        awaitEncoding();
        int rows = diff.rows();
        // 32 bytes of slack: the last word of a row may paint past the row's end
        if (band.length < rowBytes * rows + 32) {
            band = new byte[rowBytes * rows + 32];
        } else {
            Arrays.fill(band, 0, rowBytes * rows + 32, (byte) 0);
        }
        paint(diff);
        if (full != null || tiles != null) {
            byte[] rowsToWrite = band;
            encoding = encoder.submit(() -> {
                for (int y = 0; y < rows; y++) {
                    if (full != null) {
                        full.writeRow(rowsToWrite, y * rowBytes);
                    }
                    if (tiles != null) {
                        tiles.writeRow(rowsToWrite, y * rowBytes);
                    }
                }
                return null;
            });
        }
    }

    private void awaitEncoding() throws IOException {
        if (encoding == null) {
            return;
        }
        try {
            encoding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the overlay", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            encoding = null;
        }
    }

    private void paint(BandDiff band) {
        int wpr = band.removed().wordsPerRow();
        long[] oi = band.oldInk().words();
        long[] ni = band.newInk().words();
        long[] od = band.oldDark().words();
        long[] nd = band.newDark().words();
        long[] rm = band.removed().words();
        long[] ad = band.added().words();
        for (int y = 0; y < band.rows(); y++) {
            startBlockRow((band.y0() + y) / factor);
            byte[] row = this.band;
            int rowStart = y * rowBytes;
            int base = y * wpr;
            for (int k = 0; k < wpr; k++) {
                int i = base + k;
                long ink = oi[i] | ni[i];
                if (ink == 0) {
                    continue;
                }
                long r = rm[i];
                long a = ad[i];
                long dark = od[i] | nd[i];
                blockRemoved[k] |= r;
                blockAdded[k] |= a;
                blockDark[k] |= dark;
                blockInk[k] |= ink;
                // bit planes of the palette index: removed 011, added 100, dark 010, light 001
                long p0 = r | (ink & ~dark & ~a);
                long p1 = r | (dark & ~a & ~r);
                long p2 = a;
                int at = rowStart + (k << 5);
                for (int j = 0; j < 16; j++) {
                    int shift = j << 2;
                    int idx = (int) ((p0 >>> shift) & 0xF) | (int) ((p1 >>> shift) & 0xF) << 4
                            | (int) ((p2 >>> shift) & 0xF) << 8;
                    if (idx != 0) {
                        short v = NIBBLES[idx];
                        row[at + 2 * j] = (byte) (v >> 8);
                        row[at + 2 * j + 1] = (byte) v;
                    }
                }
            }
        }
    }

    private void startBlockRow(int br) {
        if (br != blockRow) {
            flushBlockRow();
            blockRow = br;
        }
    }

    /** Turns the OR-ed masks of a block row into preview pixels; a change wins over ink in its block. */
    private void flushBlockRow() {
        if (blockRow < 0 || blockRow >= previewHeight) {
            return;
        }
        int o = blockRow * previewWidth;
        for (int bx = 0; bx < previewWidth; bx++) {
            int from = bx * factor;
            int to = Math.min(width, from + factor);
            if (factor <= 64 && blockInk[from >>> 6] == 0 && blockInk[(to - 1) >>> 6] == 0) {
                continue; // no ink in the block's words: it stays paper (the preview starts as paper)
            }
            int removed = count(blockRemoved, from, to);
            int added = count(blockAdded, from, to);
            byte code;
            if (removed + added > 0) {
                code = removed >= added ? REMOVED : ADDED;
            } else if (count(blockDark, from, to) > 0) {
                code = DARK;
            } else if (count(blockInk, from, to) > 0) {
                code = LIGHT;
            } else {
                code = PAPER;
            }
            preview[o + bx] = code;
        }
        Arrays.fill(blockRemoved, 0L);
        Arrays.fill(blockAdded, 0L);
        Arrays.fill(blockDark, 0L);
        Arrays.fill(blockInk, 0L);
    }

    /** Set bits of pixels [from, to). */
    private static int count(long[] words, int from, int to) {
        int n = 0;
        int k0 = from >>> 6;
        int k1 = (to - 1) >>> 6;
        for (int k = k0; k <= k1; k++) {
            long w = words[k];
            if (w == 0) {
                continue;
            }
            int lo = k == k0 ? from & 63 : 0;
            int hi = k == k1 ? ((to - 1) & 63) + 1 : 64;
            long mask = (hi == 64 ? -1L : (1L << hi) - 1) & (-1L << lo);
            n += Long.bitCount(w & mask);
        }
        return n;
    }

    /** Finishes the full overlay and writes the preview and a thumbnail at most {@code thumbMax} wide. */
    public void finish(Path previewFile, Path thumbnailFile, int thumbMax, double dpi) throws IOException {
        awaitEncoding();
        flushBlockRow();
        blockRow = -1;
        if (full != null) {
            full.close();
        }
        if (tiles != null) {
            tiles.close();
        }
        writePreviews(preview, previewWidth, previewHeight, dpi / factor, previewFile, thumbnailFile, thumbMax);
    }

    /**
     * Writes palette codes (see {@link #PALETTE}) as a preview, and reduced so that a changed pixel wins its
     * block, as a thumbnail at most {@code thumbMax} pixels on its long side.
     */
    public static void writePreviews(byte[] codes, int w, int h, double dpi, Path previewFile, Path thumbnailFile,
                                     int thumbMax) throws IOException {
        writeCodes(previewFile, codes, w, h, dpi);
        int f = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) thumbMax));
        int tw = (w + f - 1) / f;
        int th = (h + f - 1) / f;
        byte[] thumb = new byte[tw * th];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                byte c = codes[y * w + x];
                int t = (y / f) * tw + x / f;
                if (c > thumb[t]) {
                    thumb[t] = c;
                }
            }
        }
        writeCodes(thumbnailFile, thumb, tw, th, dpi / f);
    }

    private static void writeCodes(Path file, byte[] codes, int w, int h, double dpi) throws IOException {
        try (PngWriter png = PngWriter.palette(open(file), w, h, 8, PALETTE, dpi)) {
            for (int y = 0; y < h; y++) {
                png.writeRow(codes, y * w);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            awaitEncoding();
        } catch (IOException e) {
            // closing after a failure: the writers are closed below either way
        }
        try {
            if (full != null) {
                full.close();
            }
        } finally {
            if (tiles != null) {
                tiles.close();
            }
        }
    }
}
