package com.buildtrace.compare;

/**
 * Settings of a comparison.
 *
 * @param dpi rendering resolution of the comparison and of the full-size images; 150 finds 1-pixel (0.5 pt)
 *     changes on a 42 x 30 in sheet in about a second
 * @param threads worker threads (sheet pairs in parallel, and the two sheets of a pair in parallel)
 * @param bandMegapixels largest band rendered at once per sheet, in megapixels: bounds memory whatever the
 *     sheet size (a 42 x 30 in sheet at 300 dpi is 113 MP and fits one band at the default)
 * @param fullImages write the full-resolution overlay and aligned old and new images (the preview and
 *     thumbnail are always written)
 * @param tilePyramids also cut the full-resolution images into tile pyramids for the web viewer's deep zoom, as
 *     they are written (comparisons launched through the API; the command line's reports do not use them)
 */
public record CompareOptions(double dpi, int threads, int bandMegapixels, boolean fullImages,
                             boolean tilePyramids) {

    public static final double DEFAULT_DPI = 150;

    public CompareOptions {
        if (!(dpi >= 36 && dpi <= 1200)) {
            throw new IllegalArgumentException("dpi must be between 36 and 1200: " + dpi);
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be between 1 and 256: " + threads);
        }
        if (bandMegapixels < 4 || bandMegapixels > 2048) {
            throw new IllegalArgumentException("bandMegapixels must be between 4 and 2048: " + bandMegapixels);
        }
    }

    /** Laptop-friendly defaults: 150 dpi, one thread per core, bands of at most 128 MP, full images, tiles. */
    public static CompareOptions defaults() {
        return new CompareOptions(DEFAULT_DPI, Runtime.getRuntime().availableProcessors(), 128, true, true);
    }

    public CompareOptions withDpi(double value) {
        return new CompareOptions(value, threads, bandMegapixels, fullImages, tilePyramids);
    }

    public CompareOptions withThreads(int value) {
        return new CompareOptions(dpi, value, bandMegapixels, fullImages, tilePyramids);
    }

    public CompareOptions withBandMegapixels(int value) {
        return new CompareOptions(dpi, threads, value, fullImages, tilePyramids);
    }

    public CompareOptions withFullImages(boolean value) {
        return new CompareOptions(dpi, threads, bandMegapixels, value, tilePyramids);
    }

    public CompareOptions withTilePyramids(boolean value) {
        return new CompareOptions(dpi, threads, bandMegapixels, fullImages, value);
    }
}
