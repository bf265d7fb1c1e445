package com.buildtrace.api.comparison;

import com.buildtrace.compare.tiles.TileGrid;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The tile pyramid of a sheet's full-size image, as a viewer needs it to load only what is on screen.
 *
 * @param image which image: overlay, old or new
 * @param width full-size width in pixels
 * @param height full-size height in pixels
 * @param tileSize side of a tile in pixels (those of a level's last column and row are smaller)
 * @param format the tiles' media type
 * @param version changes whenever the pyramid is written again (the sheet compared again); tile addresses carry it
 * @param levels from 0, the whole image in one tile, to the last, the full size; each half as wide and high
 *     (rounded up) as the next
 * @param tiles the address of a tile, with {@code {level}}, {@code {x}} (column) and {@code {y}} (row) to fill in;
 *     served with {@code Cache-Control: immutable}
 */
record TilePyramidView(String image, int width, int height, int tileSize, String format, String version,
                       List<Level> levels, String tiles) {

    /**
     * One level.
     *
     * @param level its number
     * @param width its width in pixels
     * @param height its height in pixels
     * @param columns tiles across
     * @param rows tiles down
     */
    record Level(int level, int width, int height, int columns, int rows) {
    }

    static TilePyramidView of(String image, TileGrid grid, String version, String imagePath) {
        List<Level> levels = IntStream.range(0, grid.levels()).mapToObj(l -> new Level(l, grid.width(l),
                grid.height(l), grid.columns(l), grid.rows(l))).toList();
        return new TilePyramidView(image, grid.width(), grid.height(), grid.tileSize(), "image/png", version, levels,
                imagePath + "/tiles/{level}/{x}/{y}?v=" + version);
    }
}
