package com.buildtrace.summary;

import com.buildtrace.compare.PageComparison;
import java.util.List;

/** Writes the set-level summary of a comparison. */
public interface SetSummarizer {

    /** The summary as JSON. */
    String summarize(List<PageComparison> pages);
}
