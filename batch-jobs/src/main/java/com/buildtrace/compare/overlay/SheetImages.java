package com.buildtrace.compare.overlay;

/**
 * The image files written for a sheet pair, as paths relative to the output folder (null when not written).
 *
 * @param overlay full-resolution overlay
 * @param oldImage the old sheet aligned into the new sheet's frame, full resolution
 * @param newImage the new sheet, full resolution
 * @param preview the overlay reduced for viewing on a screen
 * @param thumbnail the overlay reduced for lists
 * @param width full-resolution width in pixels
 * @param height full-resolution height in pixels
 * @param dpi full resolution
 * @param previewWidth preview width in pixels
 * @param previewHeight preview height in pixels
 */
public record SheetImages(String overlay, String oldImage, String newImage, String preview, String thumbnail,
                          int width, int height, double dpi, int previewWidth, int previewHeight) {
}
