package com.buildtrace.compare.content;

import java.util.List;

/**
 * What a PDF page draws, without its pixels.
 *
 * @param words the visible words of the text layer, each with its line index
 * @param lineCount number of text lines the words form
 * @param anchors x, y pairs (displayed points) of path end points, possibly thinned out on very dense pages
 * @param pathPoints how many path points the page has in all (before thinning)
 * @param imageCoverage share of the page covered by drawn images (0..1, overlaps counted once per image)
 * @param imageDpi resolution of the largest image on the page (pixels per inch as drawn), 0 without images
 */
public record PageContent(List<Word> words, int lineCount, float[] anchors, long pathPoints, double imageCoverage,
                          double imageDpi) {

    public PageContent {
        words = List.copyOf(words);
        if (anchors.length % 2 != 0) {
            throw new IllegalArgumentException("anchors are x, y pairs");
        }
    }

    /** An empty page (or a page whose content could not be read). */
    public static PageContent empty() {
        return new PageContent(List.of(), 0, new float[0], 0, 0, 0);
    }

    /** Number of anchor points held. */
    public int anchorCount() {
        return anchors.length / 2;
    }

    /** True when the page is essentially one scanned image: no text and hardly any paths. */
    public boolean isRasterOnly() {
        return words.isEmpty() && pathPoints < 50 && imageCoverage > 0.5;
    }

    /** Rough heap size, for caching decisions. */
    public long estimatedBytes() {
        return 64L + anchors.length * 4L + words.size() * 160L;
    }
}
