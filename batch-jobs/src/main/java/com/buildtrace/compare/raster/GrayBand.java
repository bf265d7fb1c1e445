package com.buildtrace.compare.raster;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Rows {@code [y0, y0 + rows)} of an 8-bit grey image {@code width} pixels wide (0 = black, 255 = white),
 * stored row after row in a buffer that may be larger than needed (buffers are reused between bands and
 * sheets, because first writes to fresh memory are slow).
 */
public final class GrayBand {

    private static final ComponentColorModel GRAY = new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY), new int[] {8}, false, true, Transparency.OPAQUE,
            DataBuffer.TYPE_BYTE);

    private final byte[] pixels;

    private final int width;

    private final int y0;

    private final int rows;

    public GrayBand(byte[] pixels, int width, int y0, int rows) {
        if (width <= 0 || rows <= 0 || (long) width * rows > pixels.length) {
            throw new IllegalArgumentException("band " + width + " x " + rows + " does not fit a buffer of "
                    + pixels.length + " bytes");
        }
        this.pixels = pixels;
        this.width = width;
        this.y0 = y0;
        this.rows = rows;
    }

    public byte[] pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    /** First row, in frame coordinates. */
    public int y0() {
        return y0;
    }

    public int rows() {
        return rows;
    }

    /** Paints the whole band white. */
    public void clear() {
        Arrays.fill(pixels, 0, width * rows, (byte) 0xFF);
    }

    /** A BufferedImage over the same pixels (TYPE_BYTE_GRAY), for Java2D to draw into. */
    public BufferedImage asImage() {
        DataBufferByte db = new DataBufferByte(pixels, width * rows);
        WritableRaster raster = Raster.createInterleavedRaster(db, width, rows, width, 1, new int[] {0}, null);
        return new BufferedImage(GRAY, raster, false, null);
    }
}
