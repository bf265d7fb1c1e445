package com.buildtrace.compare.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Makes the tile pyramid of a PNG already written (an image of a comparison made before pyramids were written
 * with the images), streaming it row by row: memory is the pyramid's strips, not the image.
 */
public final class PngTiler {

    private PngTiler() {
    }

    /**
     * Writes the pyramid of a grey or palette PNG ({@link PngRows} says which) to {@code file}; the tiles keep
     * the image's palette.
     *
     * @param reduction how levels are made: {@link TileReduction#OVERLAY} for an overlay, {@link TileReduction#GRAY}
     *     for a sheet
     * @return the pyramid's grid
     */
    public static TileGrid tile(InputStream png, TileReduction reduction, Path file) throws IOException {
        try (PngRows rows = PngRows.open(png)) {
            TileGrid grid = TileGrid.of(rows.width(), rows.height());
            byte[] row = new byte[(rows.width() + 1) / 2];
            try (TilePyramidWriter pyramid = new TilePyramidWriter(file, grid, new TileFormat(rows.palette(), reduction))) {
                for (int y = 0; y < rows.height(); y++) {
                    rows.readRow(row, 0);
                    pyramid.writeRow(row, 0);
                }
            }
            return grid;
        }
    }
}
