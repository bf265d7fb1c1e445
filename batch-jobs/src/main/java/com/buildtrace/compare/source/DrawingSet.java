package com.buildtrace.compare.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A revision of a drawing set as read from one file, or from a folder of files.
 *
 * @param file the file, or the folder
 * @param format PDF, image, or a folder of files (each a PDF or an image)
 * @param sheets its sheets in file order; a sheet with a {@link SheetSource#problem()} is listed too, so that
 *     it can be reported and paired
 */
public record DrawingSet(Path file, Format format, List<SheetSource> sheets) {

    /** What the file holds. */
    public enum Format { PDF, IMAGE, FOLDER }

    public DrawingSet {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        sheets = List.copyOf(sheets);
        if (sheets.isEmpty()) {
            throw new DrawingInputException(file, "the drawing set has no sheets");
        }
    }

    /** Number of sheets. */
    public int size() {
        return sheets.size();
    }
}
