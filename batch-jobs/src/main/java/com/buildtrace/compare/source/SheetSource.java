package com.buildtrace.compare.source;

import java.nio.file.Path;

/**
 * One sheet of a drawing set: a PDF page or a raster image. Sizes are those of the displayed sheet (page
 * rotation applied) in PDF points.
 */
public sealed interface SheetSource permits PdfSheet, ImageSheet {

    /** The file the sheet comes from. */
    Path file();

    /** 0-based index of the sheet in its file. */
    int pageIndex();

    /** Displayed width in points. */
    double widthPt();

    /** Displayed height in points. */
    double heightPt();

    /** Why the sheet cannot be compared (found while reading the set), or null when it is usable. */
    String problem();

    /** "file.pdf page 3", for messages. */
    default String describe() {
        return DrawingInputException.describe(file(), pageIndex());
    }

    /** Throws the recorded problem, if any, as an exception naming file and page. */
    default void requireUsable() {
        if (problem() != null) {
            throw new DrawingInputException(file(), pageIndex(), problem(), null);
        }
    }
}
