package com.buildtrace.compare.align;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.raster.GrayImage;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * What an aligner may look at for one sheet.
 *
 * @param widthPt displayed width
 * @param heightPt displayed height
 * @param content vector content, or {@link PageContent#empty()} for raster sheets
 * @param preview renders the sheet (anti-aliased) at a given dpi; called only by pixel-based aligners
 */
public record AlignmentInput(double widthPt, double heightPt, PageContent content, DoubleFunction<GrayImage> preview) {

    public AlignmentInput {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(preview, "preview");
    }
}
