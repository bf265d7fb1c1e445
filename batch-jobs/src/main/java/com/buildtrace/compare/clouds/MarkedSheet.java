package com.buildtrace.compare.clouds;

import com.buildtrace.compare.content.PageContent;

/**
 * A sheet's revision marks with the content they were read from.
 *
 * @param marks the clouds and delta tags
 * @param content the page's content (path end points and words, displayed points), or null for a scan
 */
public record MarkedSheet(RevisionMarks marks, PageContent content) {

    public MarkedSheet {
        java.util.Objects.requireNonNull(marks, "marks");
    }
}
