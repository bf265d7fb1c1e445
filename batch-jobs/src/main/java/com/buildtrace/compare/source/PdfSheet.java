package com.buildtrace.compare.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PDF page.
 *
 * @param file the PDF file
 * @param pageIndex 0-based page index
 * @param widthPt displayed width (crop box, rotation applied)
 * @param heightPt displayed height
 * @param rotation the page's /Rotate, normalised to 0, 90, 180 or 270
 * @param problem why the page cannot be compared, or null
 */
public record PdfSheet(Path file, int pageIndex, double widthPt, double heightPt, int rotation, String problem)
        implements SheetSource {

    public PdfSheet {
        Objects.requireNonNull(file, "file");
        if (pageIndex < 0) {
            throw new IllegalArgumentException("pageIndex must be >= 0: " + pageIndex);
        }
        if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotation);
        }
    }
}
