package com.buildtrace.compare.tiles;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a grey or palette PNG one row at a time, as 4-bit pixels packed two a byte: the full-size images a
 * comparison writes (4-bit palette overlay, 4-bit grey sheets) and 8-bit grey (reduced to 16 levels) or 8-bit
 * palette images of at most 16 colours. Only the current and the previous row are held, never the image.
 * Interlaced, 16-bit, true-colour and alpha images are refused.
 */
public final class PngRows implements Closeable {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final int GRAY = 0;

    private static final int PALETTE = 3;

    private final DataInputStream in;

    private final int width;

    private final int height;

    private final int bitDepth;

    private final int[] palette;

    private final Inflater inflater = new Inflater();

    /** Compressed bytes left in the current IDAT chunk. */
    private int idatLeft;

    private boolean idatDone;

    private final byte[] compressed = new byte[1 << 16];

    private byte[] previous;

    private byte[] current;

    private int rowsRead;

    private PngRows(DataInputStream in, int width, int height, int bitDepth, int[] palette, int firstIdat) {
        this.in = in;
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.palette = palette;
        this.idatLeft = firstIdat;
        int rowBytes = (int) (((long) width * bitDepth + 7) / 8);
        this.previous = new byte[rowBytes + 1];
        this.current = new byte[rowBytes + 1];
    }

    /**
     * Reads the PNG's header up to its first image data.
     *
     * @throws IOException when it is not a PNG this reader takes
     */
    public static PngRows open(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!java.util.Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a PNG");
        }
        int width = 0;
        int height = 0;
        int bitDepth = 0;
        int colorType = -1;
        int[] palette = null;
        for (;;) {
            int length = in.readInt();
            String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            if (length < 0) {
                throw new IOException("damaged PNG: chunk " + type + " of " + length + " bytes");
            }
            switch (type) {
                case "IHDR" -> {
                    width = in.readInt();
                    height = in.readInt();
                    bitDepth = in.readUnsignedByte();
                    colorType = in.readUnsignedByte();
                    int compression = in.readUnsignedByte();
                    int filter = in.readUnsignedByte();
                    int interlace = in.readUnsignedByte();
                    in.skipNBytes(length - 13L + 4);
                    if (width <= 0 || height <= 0 || compression != 0 || filter != 0) {
                        throw new IOException("damaged PNG header");
                    }
                    if (interlace != 0 || (colorType != GRAY && colorType != PALETTE) || bitDepth > 8) {
                        throw new IOException("PNG of colour type " + colorType + ", " + bitDepth + " bits"
                                + (interlace != 0 ? ", interlaced" : "") + ": only non-interlaced grey or palette "
                                + "images of up to 8 bits are tiled");
                    }
                }
                case "PLTE" -> {
                    if (length % 3 != 0 || length / 3 > 16) {
                        throw new IOException("PNG palette of " + length / 3 + " colours: at most 16 are tiled");
                    }
                    palette = new int[length / 3];
                    for (int i = 0; i < palette.length; i++) {
                        palette[i] = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
                    }
                    in.skipNBytes(4);
                }
                case "IDAT" -> {
                    if (width == 0) {
                        throw new IOException("damaged PNG: image data before the header");
                    }
                    if (colorType == PALETTE && palette == null) {
                        throw new IOException("damaged PNG: palette image without a palette");
                    }
                    return new PngRows(in, width, height, bitDepth, palette, length);
                }
                case "IEND" -> throw new IOException("damaged PNG: no image data");
                default -> in.skipNBytes(length + 4L);
            }
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The palette's colours ({@code 0xRRGGBB}), or null for a grey image. */
    public int[] palette() {
        return palette == null ? null : palette.clone();
    }

    /**
     * Reads the next row into {@code packed} ({@code (width + 1) / 2} bytes from {@code offset}): palette
     * indices, or grey levels 0 (black) to 15 (white).
     *
     * @throws IOException when the image is damaged, or a palette index is beyond 15
     */
    public void readRow(byte[] packed, int offset) throws IOException {
        if (rowsRead >= height) {
            throw new IllegalStateException("all " + height + " rows are read");
        }
        byte[] t = previous;
        previous = current;
        current = t;
        inflateFully(current);
        unfilter(current, previous);
        rowsRead++;
        pack(current, packed, offset);
    }

    private void pack(byte[] row, byte[] packed, int offset) throws IOException {
        int n = (width + 1) / 2;
        if (bitDepth == 4) {
            System.arraycopy(row, 1, packed, offset, n);
            return;
        }
        for (int x = 0; x < width; x += 2) {
            int hi = pixel(row, x);
            int lo = x + 1 < width ? pixel(row, x + 1) : 0;
            packed[offset + (x >> 1)] = (byte) (hi << 4 | lo);
        }
    }

    /** Pixel x of a row as 4 bits. */
    private int pixel(byte[] row, int x) throws IOException {
        int v;
        switch (bitDepth) {
            case 8 -> v = row[1 + x] & 0xFF;
            case 2 -> v = (row[1 + (x >> 2)] >> (6 - 2 * (x & 3))) & 3;
            case 1 -> v = (row[1 + (x >> 3)] >> (7 - (x & 7))) & 1;
            default -> throw new IOException("PNG bit depth " + bitDepth);
        }
        if (palette != null) {
            if (v > 15) {
                throw new IOException("palette index " + v + ": at most 16 colours are tiled");
            }
            return v;
        }
        // grey to 16 levels: 8 bits keep their high half, 1 and 2 bits spread over 0..15
        return switch (bitDepth) {
            case 8 -> v >> 4;
            case 2 -> v * 5;
            default -> v * 15;
        };
    }

    /** Undoes a row's filter (PNG filter types 0 to 4, one byte per pixel step for these bit depths). */
    private static void unfilter(byte[] row, byte[] above) throws IOException {
        int filter = row[0];
        int n = row.length;
        switch (filter) {
            case 0 -> { }
            case 1 -> {
                for (int i = 2; i < n; i++) {
                    row[i] += row[i - 1];
                }
            }
            case 2 -> {
                for (int i = 1; i < n; i++) {
                    row[i] += above[i];
                }
            }
            case 3 -> {
                for (int i = 1; i < n; i++) {
                    int left = i > 1 ? row[i - 1] & 0xFF : 0;
                    row[i] += (byte) ((left + (above[i] & 0xFF)) >> 1);
                }
            }
            case 4 -> {
                for (int i = 1; i < n; i++) {
                    int a = i > 1 ? row[i - 1] & 0xFF : 0;
                    int b = above[i] & 0xFF;
                    int c = i > 1 ? above[i - 1] & 0xFF : 0;
                    int p = a + b - c;
                    int pa = Math.abs(p - a);
                    int pb = Math.abs(p - b);
                    int pc = Math.abs(p - c);
                    row[i] += (byte) (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }
            }
            default -> throw new IOException("damaged PNG: row filter " + filter);
        }
    }

    /** Inflates exactly {@code row.length} bytes, reading further IDAT chunks as needed. */
    private void inflateFully(byte[] row) throws IOException {
        int done = 0;
        try {
            while (done < row.length) {
                int n = inflater.inflate(row, done, row.length - done);
                done += n;
                if (n > 0) {
                    continue;
                }
                if (inflater.finished() || inflater.needsDictionary()) {
                    throw new EOFException("PNG image data ends at row " + rowsRead + " of " + height);
                }
                if (inflater.needsInput()) {
                    feed();
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("damaged PNG image data: " + e.getMessage(), e);
        }
    }

    private void feed() throws IOException {
        while (idatLeft == 0) {
            if (idatDone) {
                throw new EOFException("PNG image data ends at row " + rowsRead + " of " + height);
            }
            in.skipNBytes(4); // the CRC of the chunk just read
            int length = in.readInt();
            String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                idatLeft = length;
            } else {
                idatDone = true;
            }
        }
        int n = in.read(compressed, 0, Math.min(compressed.length, idatLeft));
        if (n < 0) {
            throw new EOFException("PNG ends inside its image data");
        }
        idatLeft -= n;
        inflater.setInput(compressed, 0, n);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
