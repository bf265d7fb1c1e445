package com.buildtrace.sheets;

import java.util.Objects;

/**
 * The identity of a sheet.
 *
 * @param number sheet number as printed (A-101, E201A, S2.1), or null when none was found
 * @param title sheet title from the title block, or null
 * @param pageIndex 0-based page index in its file
 * @param source where the number came from
 * @param score how strongly the number was recognised (higher is surer; 0 without a number)
 */
public record SheetId(String number, String title, int pageIndex, Source source, double score) {

    /** Where a sheet number came from. */
    public enum Source {
        /** The text layer's title block. */
        TEXT,
        /** None found: the page index stands in. */
        PAGE_INDEX
    }

    public SheetId {
        Objects.requireNonNull(source, "source");
        if (pageIndex < 0) {
            throw new IllegalArgumentException("pageIndex must be >= 0");
        }
        if ((number == null) != (source == Source.PAGE_INDEX)) {
            throw new IllegalArgumentException("a number comes from the text, its absence means page index");
        }
    }

    /** A sheet without a recognised number. */
    public static SheetId ofPage(int pageIndex) {
        return new SheetId(null, null, pageIndex, Source.PAGE_INDEX, 0);
    }

    /** The number, else "page N" (1-based), for people. */
    public String label() {
        return number != null ? number : "page " + (pageIndex + 1);
    }
}
