package com.buildtrace.summary;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import java.util.List;

/**
 * Sheets of a comparison by outcome.
 *
 * @param sheets all sheet tasks (pairs, added and removed sheets)
 * @param changed pairs with changes
 * @param unchanged pairs without
 * @param added sheets only in the new set
 * @param removed sheets only in the old set
 * @param failed pairs that could not be compared
 */
public record SheetCounts(int sheets, int changed, int unchanged, int added, int removed, int failed) {

    public SheetCounts {
        if (changed + unchanged + added + removed + failed != sheets) {
            throw new IllegalArgumentException("sheet counts do not add up to " + sheets);
        }
    }

    public static SheetCounts of(List<PageComparison> pages) {
        return new SheetCounts(pages.size(), count(pages, PageStatus.CHANGED), count(pages, PageStatus.UNCHANGED),
                count(pages, PageStatus.ADDED), count(pages, PageStatus.REMOVED), count(pages, PageStatus.FAILED));
    }

    private static int count(List<PageComparison> pages, PageStatus s) {
        return (int) pages.stream().filter(p -> p.status() == s).count();
    }
}
