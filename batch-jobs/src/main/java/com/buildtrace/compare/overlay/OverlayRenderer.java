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

    private final int height;

    private final PngWriter full;

    private final byte[] row;

    private final int factor;

    private final int previewWidth;

    private final int previewHeight;

    private final byte[] preview;

    private final int[] blockRemoved;

    private final int[] blockAdded;

    private final byte[] blockInk;

    private int blockRow = -1;

    /**
     * @param fullImage where to write the full-resolution overlay, or null for the preview only
     * @param previewMaxWidth the preview is reduced by a whole factor to at most this width (and height)
     */
    public OverlayRenderer(Path fullImage, int width, int height, double dpi, int previewMaxWidth) throws IOException {
        this.width = width;
        this.height = height;
        this.full = fullImage == null ? null
                : PngWriter.palette(open(fullImage), width, height, 4, PALETTE, dpi);
        this.row = new byte[(width + 1) / 2];
        this.factor = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) previewMaxWidth));
        this.previewWidth = (width + factor - 1) / factor;
        this.previewHeight = (height + factor - 1) / factor;
        this.preview = new byte[previewWidth * previewHeight];
        this.blockRemoved = new int[previewWidth];
        this.blockAdded = new int[previewWidth];
        this.blockInk = new byte[previewWidth];
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

    /** Paints the next band; bands must come top to bottom. */
    public void render(BandDiff band) throws IOException {
        int wpr = band.removed().wordsPerRow();
        long[] oi = band.oldInk().words();
        long[] ni = band.newInk().words();
        long[] od = band.oldDark().words();
        long[] nd = band.newDark().words();
        long[] rm = band.removed().words();
        long[] ad = band.added().words();
        for (int y = 0; y < band.rows(); y++) {
            int frameY = band.y0() + y;
            startBlockRow(frameY / factor);
            Arrays.fill(row, (byte) 0);
            int base = y * wpr;
            for (int k = 0; k < wpr; k++) {
                int i = base + k;
                long ink = oi[i] | ni[i];
                if (ink == 0) {
                    continue;
                }
                long dark = od[i] | nd[i];
                long r = rm[i];
                long a = ad[i];
                long bits = ink;
                while (bits != 0) {
                    int b = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    long m = 1L << b;
                    byte code = (r & m) != 0 ? REMOVED : (a & m) != 0 ? ADDED : (dark & m) != 0 ? DARK : LIGHT;
                    int x = (k << 6) + b;
                    row[x >> 1] |= (x & 1) == 0 ? (byte) (code << 4) : code;
                    int bx = x / factor;
                    switch (code) {
                        case REMOVED -> blockRemoved[bx]++;
                        case ADDED -> blockAdded[bx]++;
                        default -> blockInk[bx] = (byte) Math.max(blockInk[bx], code);
                    }
                }
            }
            if (full != null) {
                full.writeRow(row, 0);
            }
        }
    }

    private void startBlockRow(int br) {
        if (br != blockRow) {
            flushBlockRow();
            blockRow = br;
        }
    }

    private void flushBlockRow() {
        if (blockRow < 0 || blockRow >= previewHeight) {
            return;
        }
        int o = blockRow * previewWidth;
        for (int x = 0; x < previewWidth; x++) {
            byte code;
            if (blockRemoved[x] + blockAdded[x] > 0) {
                code = blockRemoved[x] >= blockAdded[x] ? REMOVED : ADDED;
            } else {
                code = blockInk[x];
            }
            preview[o + x] = code;
        }
        Arrays.fill(blockRemoved, 0);
        Arrays.fill(blockAdded, 0);
        Arrays.fill(blockInk, (byte) 0);
    }

    /** Finishes the full overlay and writes the preview and a thumbnail at most {@code thumbMax} wide. */
    public void finish(Path previewFile, Path thumbnailFile, int thumbMax, double dpi) throws IOException {
        flushBlockRow();
        blockRow = -1;
        if (full != null) {
            full.close();
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
        if (full != null) {
            full.close();
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
