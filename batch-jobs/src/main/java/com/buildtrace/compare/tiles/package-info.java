/**
 * Tile pyramids of the full-size images, for a viewer that zooms from the whole sheet down to single pixels
 * while loading only what is on screen: levels halved down to one tile ({@link com.buildtrace.compare.tiles.TileGrid}),
 * 512-pixel 4-bit PNG tiles kept in one file per image ({@link com.buildtrace.compare.tiles.TileArchive}),
 * written from the image's rows as the comparison makes them ({@link com.buildtrace.compare.tiles.TilePyramidWriter})
 * or from a PNG written before ({@link com.buildtrace.compare.tiles.PngTiler}).
 */
package com.buildtrace.compare.tiles;
