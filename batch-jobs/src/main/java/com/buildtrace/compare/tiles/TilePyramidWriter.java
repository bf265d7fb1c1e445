package com.buildtrace.compare.tiles;

import com.buildtrace.compare.overlay.PngWriter;
import com.buildtrace.compare.overlay.RowSink;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the tile pyramid of a 4-bit image ({@link TileArchive}) from its rows, top to bottom, as they are made:
 * each level keeps one strip of tile rows, cut into tiles as soon as it is full, and every second row it
 * receives makes a row of the level below. Memory is two full-width strips whatever the image's height (6.5 MB
 * for a 42 x 30 in sheet at 300 dpi); no image is ever held whole.
 */
public final class TilePyramidWriter implements RowSink {

    private final TileGrid grid;

    private final TileFormat format;

    private final Level[] levels;

    private final DataOutputStream out;

    private long position;

    private final long[] offsets;

    private final int[] lengths;

    private final ByteArrayOutputStream tile = new ByteArrayOutputStream(1 << 16);

    /** Encoded tiles of one byte value throughout, by value, width and height. */
    private final java.util.Map<Long, byte[]> uniformTiles = new java.util.HashMap<>();

    private boolean closed;

    private long nanos;

    /**
     * @param file where the pyramid goes (replaced)
     * @param grid the image's size and the tile size
     * @param format the tiles' colours and how levels are reduced
     */
    public TilePyramidWriter(Path file, TileGrid grid, TileFormat format) throws IOException {
        this.grid = grid;
        this.format = format;
        this.levels = new Level[grid.levels()];
        for (int level = 0; level < levels.length; level++) {
            levels[level] = new Level(level);
        }
        this.offsets = new long[grid.tileCount()];
        this.lengths = new int[offsets.length];
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        out.write(TileArchive.MAGIC);
        position = TileArchive.MAGIC.length;
    }

    /** The grid being written. */
    public TileGrid grid() {
        return grid;
    }

    /** Takes the next full-size row: {@code (width + 1) / 2} bytes, two pixels a byte, leftmost high. */
    @Override
    public void writeRow(byte[] row, int offset) throws IOException {
        long start = System.nanoTime();
        levels[levels.length - 1].add(row, offset);
        nanos += System.nanoTime() - start;
    }

    /** Time spent making the pyramid so far (reducing, cutting, encoding, writing), in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /**
     * Cuts the last strips and writes the index.
     *
     * @throws IllegalStateException when not every row was written
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        long start = System.nanoTime();
        try {
            Level top = levels[levels.length - 1];
            if (top.received != top.height) {
                throw new IllegalStateException("only " + top.received + " of " + top.height + " rows were written");
            }
            for (int level = levels.length - 1; level >= 0; level--) {
                levels[level].finish();
            }
            long indexOffset = position;
            for (int i = 0; i < offsets.length; i++) {
                out.writeLong(offsets[i]);
                out.writeInt(lengths[i]);
            }
            out.writeLong(indexOffset);
            out.writeInt(grid.width());
            out.writeInt(grid.height());
            out.writeInt(grid.tileSize());
            out.write(TileArchive.MAGIC);
            out.flush();
        } finally {
            out.close();
            nanos += System.nanoTime() - start;
        }
    }

    /** Encodes one tile from rows of a strip and appends it to the file. */
    private void writeTile(Level level, int column, int rows) throws IOException {
        int x0 = column * grid.tileSize();
        int width = Math.min(grid.tileSize(), level.width - x0);
        int from = x0 / 2;
        int bytes = (width + 1) / 2;
        int uniform = uniform(level.strip, from, bytes, level.rowBytes, rows);
        byte[] png;
        if (uniform >= 0) {
            // paper, mostly: one encoding serves every tile of that value and size
            png = uniformTiles.computeIfAbsent(((long) uniform << 48) | ((long) width << 24) | rows,
                    k -> encode(level.strip, from, level.rowBytes, width, rows));
        } else {
            png = encode(level.strip, from, level.rowBytes, width, rows);
        }
        int i = grid.ordinal(level.level, column, level.tileRow);
        offsets[i] = position;
        lengths[i] = png.length;
        out.write(png);
        position += png.length;
    }

    private byte[] encode(byte[] strip, int from, int stride, int width, int rows) {
        tile.reset();
        try (PngWriter png = format.png(tile, width, rows)) {
            png.writeRows(strip, from, stride, rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return tile.toByteArray();
    }

    /** The one byte value of a tile's bytes, or -1 when they differ. */
    private static int uniform(byte[] strip, int from, int bytes, int stride, int rows) {
        byte v = strip[from];
        for (int r = 0; r < rows; r++) {
            int at = from + r * stride;
            for (int i = 0; i < bytes; i++) {
                if (strip[at + i] != v) {
                    return -1;
                }
            }
        }
        return v & 0xFF;
    }

    /** One level: the strip of rows being filled, and the rows it has received. */
    private final class Level {

        final int level;

        final int width;

        final int height;

        final int rowBytes;

        final byte[] strip;

        /** A row made for this level from two rows of the level above. */
        final byte[] reduced;

        int filled;

        int tileRow;

        int received;

        Level(int level) {
            this.level = level;
            this.width = grid.width(level);
            this.height = grid.height(level);
            this.rowBytes = (width + 1) / 2;
            this.strip = new byte[grid.tileSize() * rowBytes];
            this.reduced = new byte[rowBytes];
        }

        void add(byte[] row, int offset) throws IOException {
            if (received >= height) {
                throw new IllegalStateException("all " + height + " rows of level " + level + " are written");
            }
            int at = filled * rowBytes;
            System.arraycopy(row, offset, strip, at, rowBytes);
            if ((width & 1) == 1) {
                // the unused low half of the last byte repeats the last pixel: the block it ends reduces right
                int last = at + rowBytes - 1;
                strip[last] = (byte) ((strip[last] & 0xF0) | ((strip[last] >> 4) & 0x0F));
            }
            filled++;
            received++;
            // the tile size is even: the two rows of a block are always in the same strip
            if (level > 0 && (received & 1) == 0) {
                levels[level - 1].reduce(strip, at - rowBytes, at, rowBytes);
            }
            if (filled == grid.tileSize()) {
                flush();
            }
        }

        /** Makes this level's next row from two rows of the level above ({@code bytes} bytes each). */
        void reduce(byte[] src, int upper, int lower, int bytes) throws IOException {
            byte[] table = format.reduction().table();
            // pixel j of this level comes from byte j of the two rows above
            int pairs = bytes / 2;
            for (int o = 0; o < pairs; o++) {
                int j = 2 * o;
                int hi = table[(src[upper + j] & 0xFF) << 8 | (src[lower + j] & 0xFF)];
                int lo = table[(src[upper + j + 1] & 0xFF) << 8 | (src[lower + j + 1] & 0xFF)];
                reduced[o] = (byte) (hi << 4 | lo);
            }
            if ((bytes & 1) == 1) {
                int j = bytes - 1;
                int last = table[(src[upper + j] & 0xFF) << 8 | (src[lower + j] & 0xFF)];
                reduced[pairs] = (byte) (last << 4 | last);
            }
            add(reduced, 0);
        }

        /** The rows still in the strip; an odd last row makes the level below's last row with itself. */
        void finish() throws IOException {
            if (received != height) {
                throw new IllegalStateException("level " + level + " received " + received + " of " + height + " rows");
            }
            if (level > 0 && (received & 1) == 1) {
                int last = (filled - 1) * rowBytes;
                levels[level - 1].reduce(strip, last, last, rowBytes);
            }
            if (filled > 0) {
                flush();
            }
        }

        private void flush() throws IOException {
            for (int column = 0; column < grid.columns(level); column++) {
                writeTile(this, column, filled);
            }
            tileRow++;
            filled = 0;
        }
    }
}
