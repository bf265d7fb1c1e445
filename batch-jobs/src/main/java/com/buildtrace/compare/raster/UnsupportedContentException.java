package com.buildtrace.compare.raster;

/** The fast content renderer met something it does not draw; the page goes to PDFBox's renderer instead. */
final class UnsupportedContentException extends RuntimeException {

    UnsupportedContentException(String what) {
        super(what, null, false, false);
    }
}
