package com.buildtrace.summary;

import com.buildtrace.ai.AiBudget;
import com.buildtrace.compare.PageComparison;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What to summarize.
 *
 * @param comparisonId the comparison
 * @param pages its sheet results, in sheet order
 * @param outDir the comparison's output folder, where the overlay images are
 * @param budget what is left of the comparison's AI budget (unused by the deterministic summarizer)
 */
public record SummaryRequest(UUID comparisonId, List<PageComparison> pages, Path outDir, AiBudget budget) {

    public SummaryRequest {
        Objects.requireNonNull(comparisonId, "comparisonId");
        pages = List.copyOf(pages);
        Objects.requireNonNull(outDir, "outDir");
    }
}
