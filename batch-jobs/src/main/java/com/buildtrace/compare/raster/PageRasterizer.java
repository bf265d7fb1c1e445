package com.buildtrace.compare.raster;

import java.awt.geom.AffineTransform;

/** Draws one sheet into grey pixels. */
public interface PageRasterizer {

    /**
     * Draws the sheet into {@code band}: a sheet point p lands at frame point {@code sheetToFrame(p)}, and a
     * frame point (x, y) at pixel (x * dpi / 72, y * dpi / 72 - band.y0()). Pixels the sheet does not cover
     * stay white.
     *
     * @param antialias true for smooth edges (previews), false for exact, repeatable ink (comparison)
     * @throws com.buildtrace.compare.source.DrawingInputException when the sheet fails to render
     */
    void rasterize(AffineTransform sheetToFrame, double dpi, GrayBand band, boolean antialias);
}
