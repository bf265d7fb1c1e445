package com.buildtrace.compare.tiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A tile pyramid kept as one file next to its image ({@code overlay.png} → {@code overlay.tiles}): one object to
 * publish and to store however many tiles it holds, each tile read by its byte range (a ranged read of a local
 * file or a Cloud Storage object). Layout, big-endian:
 * <pre>
 * "BTTILES1"                                        8 bytes
 * the tiles, PNG files, in the order written
 * index: per tile, by {@link TileGrid#ordinal}:     offset (8 bytes), length (4 bytes)
 * footer: index offset (8), width, height, tile size (4 each), "BTTILES1"   28 bytes
 * </pre>
 * The footer gives the grid, and the grid the size of the index: two small reads open a pyramid.
 */
public final class TileArchive {

    /** The file name ending of a pyramid. */
    public static final String EXTENSION = ".tiles";

    static final byte[] MAGIC = "BTTILES1".getBytes(StandardCharsets.US_ASCII);

    /** Bytes of the footer. */
    public static final int FOOTER_BYTES = 28;

    static final int ENTRY_BYTES = 12;

    private final TileGrid grid;

    private final long[] offsets;

    private final int[] lengths;

    private TileArchive(TileGrid grid, long[] offsets, int[] lengths) {
        this.grid = grid;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /** Reads byte ranges of a stored pyramid. */
    @FunctionalInterface
    public interface Ranges {

        /** Exactly {@code length} bytes from {@code offset}. */
        byte[] read(long offset, int length) throws IOException;
    }

    /**
     * Where a tile is in the file.
     *
     * @param offset its first byte
     * @param length its bytes
     */
    public record Range(long offset, int length) {
    }

    /**
     * Opens a pyramid: reads its footer and index.
     *
     * @param size the file's size in bytes
     * @throws IOException when it cannot be read or is no tile pyramid
     */
    public static TileArchive open(Ranges file, long size) throws IOException {
        if (size < MAGIC.length + FOOTER_BYTES) {
            throw new IOException("not a tile pyramid: " + size + " bytes");
        }
        ByteBuffer footer = ByteBuffer.wrap(file.read(size - FOOTER_BYTES, FOOTER_BYTES));
        long indexOffset = footer.getLong();
        int width = footer.getInt();
        int height = footer.getInt();
        int tileSize = footer.getInt();
        byte[] magic = new byte[MAGIC.length];
        footer.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a tile pyramid (no BTTILES1 footer)");
        }
        TileGrid grid;
        try {
            grid = new TileGrid(width, height, tileSize);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a tile pyramid: " + e.getMessage(), e);
        }
        int tiles = grid.tileCount();
        if (indexOffset < MAGIC.length || indexOffset + (long) tiles * ENTRY_BYTES + FOOTER_BYTES != size) {
            throw new IOException("damaged tile pyramid: index of " + tiles + " tiles at " + indexOffset + " in "
                    + size + " bytes");
        }
        ByteBuffer index = ByteBuffer.wrap(file.read(indexOffset, tiles * ENTRY_BYTES));
        long[] offsets = new long[tiles];
        int[] lengths = new int[tiles];
        for (int i = 0; i < tiles; i++) {
            offsets[i] = index.getLong();
            lengths[i] = index.getInt();
            if (offsets[i] < MAGIC.length || lengths[i] <= 0 || offsets[i] + lengths[i] > indexOffset) {
                throw new IOException("damaged tile pyramid: tile " + i + " at " + offsets[i] + " (" + lengths[i]
                        + " bytes)");
            }
        }
        return new TileArchive(grid, offsets, lengths);
    }

    /** The pyramid's levels and tiles. */
    public TileGrid grid() {
        return grid;
    }

    /**
     * Where a tile is.
     *
     * @throws IllegalArgumentException for a tile the pyramid does not have
     */
    public Range range(int level, int x, int y) {
        int i = grid.ordinal(level, x, y);
        return new Range(offsets[i], lengths[i]);
    }

    /** The pyramid's file of an image file: {@code sheets/sheet-001-A-101/overlay.png} → {@code ...overlay.tiles}. */
    public static String fileOf(String imageFile) {
        int dot = imageFile.lastIndexOf('.');
        int slash = imageFile.lastIndexOf('/');
        return (dot > slash ? imageFile.substring(0, dot) : imageFile) + EXTENSION;
    }
}
