package com.buildtrace.compare.overlay;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A streaming PNG encoder: rows go in one at a time and are compressed straight away. No row filter and the
 * fastest deflate level: drawings are mostly long runs of white that deflate squeezes well anyway, and this
 * is several times faster than ImageIO's adaptive filtering (per-byte filtering in Java costs more than the
 * compression itself). Grey or palette images, 1 to 8 bits per pixel.
 */
public final class PngWriter implements Closeable {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final int COLOR_GRAY = 0;

    private static final int COLOR_PALETTE = 3;

    private final OutputStream out;

    private final int height;

    private final int rowBytes;

    private final byte[] filterByte = {0};

    private final Deflater deflater;

    private final DeflaterOutputStream idat;

    private int rowsWritten;

    private byte[] batchBuffer = new byte[0];

    private boolean closed;

    private PngWriter(OutputStream out, int width, int height, int bitDepth, int colorType, int[] palette,
                      double dpi) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad image size " + width + " x " + height);
        }
        this.out = out;
        this.height = height;
        this.rowBytes = (int) (((long) width * bitDepth + 7) / 8);
        out.write(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = (byte) bitDepth;
        ihdr[9] = (byte) colorType;
        chunk("IHDR", ihdr, ihdr.length);
        if (palette != null) {
            byte[] plte = new byte[palette.length * 3];
            for (int i = 0; i < palette.length; i++) {
                plte[3 * i] = (byte) (palette[i] >> 16);
                plte[3 * i + 1] = (byte) (palette[i] >> 8);
                plte[3 * i + 2] = (byte) palette[i];
            }
            chunk("PLTE", plte, plte.length);
        }
        if (dpi > 0) {
            byte[] phys = new byte[9];
            int ppm = (int) Math.round(dpi / 0.0254);
            putInt(phys, 0, ppm);
            putInt(phys, 4, ppm);
            phys[8] = 1;
            chunk("pHYs", phys, phys.length);
        }
        this.deflater = new Deflater(1);
        // buffers in proportion to the image, up to 64 KB and 256 KB: a 512-pixel tile needs far less
        long raw = (long) (rowBytes + 1) * height;
        int buffer = (int) Math.min(1 << 16, Math.max(1 << 12, raw / 8));
        this.idat = new DeflaterOutputStream(new IdatStream((int) Math.min(1 << 18, 4L * buffer)), deflater, buffer);
    }

    /** An 8-bit grey image. */
    public static PngWriter gray(OutputStream out, int width, int height, double dpi) throws IOException {
        return new PngWriter(out, width, height, 8, COLOR_GRAY, null, dpi);
    }

    /** A 4-bit grey image (16 levels; rows hold two pixels per byte, leftmost in the high bits). */
    public static PngWriter gray4(OutputStream out, int width, int height, double dpi) throws IOException {
        return new PngWriter(out, width, height, 4, COLOR_GRAY, null, dpi);
    }

    /** A palette image; rows hold {@code bitDepth}-bit palette indices, leftmost pixel in the high bits. */
    public static PngWriter palette(OutputStream out, int width, int height, int bitDepth, int[] rgb, double dpi)
            throws IOException {
        if (bitDepth != 1 && bitDepth != 2 && bitDepth != 4 && bitDepth != 8) {
            throw new IllegalArgumentException("palette bit depth must be 1, 2, 4 or 8: " + bitDepth);
        }
        if (rgb.length == 0 || rgb.length > (1 << bitDepth)) {
            throw new IllegalArgumentException("palette of " + rgb.length + " colours for " + bitDepth + " bits");
        }
        return new PngWriter(out, width, height, bitDepth, COLOR_PALETTE, rgb, dpi);
    }

    /** Bytes per row. */
    public int rowBytes() {
        return rowBytes;
    }

    /** Writes the next row: {@code rowBytes()} bytes from {@code row} at {@code offset}. */
    public void writeRow(byte[] row, int offset) throws IOException {
        if (rowsWritten >= height) {
            throw new IllegalStateException("all " + height + " rows are written");
        }
        idat.write(filterByte, 0, 1); // filter type 0: none
        idat.write(row, offset, rowBytes);
        rowsWritten++;
    }

    /**
     * Writes the next {@code rows} rows, {@code rowBytes()} bytes each, the first at {@code offset} of
     * {@code src} and each next {@code stride} bytes further: compressed in large pieces, which matters for
     * narrow images (the compressor's cost per call outweighs a short row's).
     */
    public void writeRows(byte[] src, int offset, int stride, int rows) throws IOException {
        if (rowsWritten + rows > height) {
            throw new IllegalStateException(rowsWritten + " of " + height + " rows are written: " + rows + " more do not fit");
        }
        int per = rowBytes + 1;
        int batch = Math.max(1, Math.min(rows, (1 << 16) / per));
        if (batchBuffer.length < batch * per) {
            batchBuffer = new byte[batch * per];
        }
        for (int r = 0; r < rows; r += batch) {
            int n = Math.min(batch, rows - r);
            for (int i = 0; i < n; i++) {
                batchBuffer[i * per] = 0; // filter type 0: none
                System.arraycopy(src, offset + (r + i) * stride, batchBuffer, i * per + 1, rowBytes);
            }
            idat.write(batchBuffer, 0, n * per);
        }
        rowsWritten += rows;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (rowsWritten != height) {
                throw new IllegalStateException("only " + rowsWritten + " of " + height + " rows were written");
            }
            idat.finish();
            idat.flush();
            chunk("IEND", new byte[0], 0);
            out.flush();
        } finally {
            deflater.end();
            out.close();
        }
    }

    private void chunk(String type, byte[] data, int length) throws IOException {
        byte[] header = new byte[8];
        putInt(header, 0, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, header, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        out.write(header);
        out.write(data, 0, length);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.write(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** Collects compressed bytes and writes them as IDAT chunks of up to 256 KB. */
    private final class IdatStream extends OutputStream {

        IdatStream(int size) {
            this.buffer = new byte[size];
        }

        private final byte[] buffer;

        private int length;

        @Override
        public void write(int b) throws IOException {
            if (length == buffer.length) {
                flush();
            }
            buffer[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (length == buffer.length) {
                    flush();
                }
                int n = Math.min(len, buffer.length - length);
                System.arraycopy(b, off, buffer, length, n);
                length += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (length > 0) {
                chunk("IDAT", buffer, length);
                length = 0;
            }
        }
    }
}
