package com.buildtrace.compare.tiles;

/**
 * The levels and tiles of an image's pyramid. Level {@code levels() - 1} is the image at full size; each level
 * below is half as wide and high (rounded up) as the one above it, down to level 0, the first that fits in one
 * tile. A level is cut into tiles of {@code tileSize} pixels from its top-left corner; those of the last column
 * and row are smaller when the level is not a multiple of the tile size.
 *
 * @param width full-size width in pixels
 * @param height full-size height in pixels
 * @param tileSize side of a tile in pixels: an even number from 16 to 4096
 */
public record TileGrid(int width, int height, int tileSize) {

    /** The tile size of the pyramids the engine writes. */
    public static final int TILE_SIZE = 512;

    public TileGrid {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad image size " + width + " x " + height);
        }
        if (tileSize < 16 || tileSize > 4096 || tileSize % 2 != 0) {
            throw new IllegalArgumentException("tile size must be even and from 16 to 4096: " + tileSize);
        }
    }

    /** The grid of an image with the engine's tile size. */
    public static TileGrid of(int width, int height) {
        return new TileGrid(width, height, TILE_SIZE);
    }

    /** Number of levels. */
    public int levels() {
        int n = 1;
        for (int w = width, h = height; w > tileSize || h > tileSize; w = (w + 1) / 2, h = (h + 1) / 2) {
            n++;
        }
        return n;
    }

    /** Width of a level in pixels. */
    public int width(int level) {
        return reduced(width, level);
    }

    /** Height of a level in pixels. */
    public int height(int level) {
        return reduced(height, level);
    }

    /** Tiles across a level. */
    public int columns(int level) {
        return (width(level) + tileSize - 1) / tileSize;
    }

    /** Tiles down a level. */
    public int rows(int level) {
        return (height(level) + tileSize - 1) / tileSize;
    }

    /** Tiles of all levels. */
    public int tileCount() {
        int n = 0;
        for (int level = 0; level < levels(); level++) {
            n += columns(level) * rows(level);
        }
        return n;
    }

    /** True when the pyramid has this tile. */
    public boolean contains(int level, int x, int y) {
        return level >= 0 && level < levels() && x >= 0 && x < columns(level) && y >= 0 && y < rows(level);
    }

    /**
     * The position of a tile among all tiles: levels from 0 up, each level row by row.
     *
     * @throws IllegalArgumentException for a tile the pyramid does not have
     */
    public int ordinal(int level, int x, int y) {
        if (!contains(level, x, y)) {
            throw new IllegalArgumentException("no tile " + level + "/" + x + "/" + y + " in " + this);
        }
        int n = 0;
        for (int l = 0; l < level; l++) {
            n += columns(l) * rows(l);
        }
        return n + y * columns(level) + x;
    }

    private int reduced(int size, int level) {
        int levels = levels();
        if (level < 0 || level >= levels) {
            throw new IllegalArgumentException("level " + level + " of a pyramid of " + levels);
        }
        int shift = levels - 1 - level;
        // ceil(size / 2^shift): halving and rounding up, level after level
        return (int) ((size + (1L << shift) - 1) >> shift);
    }
}
