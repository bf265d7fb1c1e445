package com.buildtrace.compare.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A raster image (a scan or an exported plot). Its points are pixels * 72 / dpi, with the image's own
 * resolution (72 dpi when the file does not say).
 *
 * @param file the image file
 * @param pageIndex 0-based image index in the file (multi-page TIFF), else 0
 * @param widthPx width in pixels
 * @param heightPx height in pixels
 * @param dpi resolution of the image
 * @param problem why the image cannot be compared, or null
 */
public record ImageSheet(Path file, int pageIndex, int widthPx, int heightPx, double dpi, String problem)
        implements SheetSource {

    public ImageSheet {
        Objects.requireNonNull(file, "file");
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + widthPx + "x" + heightPx);
        }
        if (!(dpi > 0)) {
            throw new IllegalArgumentException("dpi must be positive: " + dpi);
        }
    }

    @Override
    public double widthPt() {
        return widthPx * 72.0 / dpi;
    }

    @Override
    public double heightPt() {
        return heightPx * 72.0 / dpi;
    }
}
