package com.buildtrace.summary;

import java.util.List;
import java.util.Objects;

/**
 * The summary of a whole comparison.
 *
 * @param source who wrote it
 * @param note why it is deterministic inside an AI summary, else null
 * @param overallSummary what changed between the revisions, for a project manager
 * @param sheetsByImpact sheets with changes (and added, removed, failed ones), most impact first
 * @param tradesAffected trades whose sheets changed
 * @param counts sheets by outcome
 */
public record SetSummary(SummarySource source, String note, String overallSummary, List<SheetImpact> sheetsByImpact,
                         List<Trade> tradesAffected, SheetCounts counts) {

    public SetSummary {
        Objects.requireNonNull(source, "source");
        Texts.require(overallSummary, "overall summary");
        Objects.requireNonNull(counts, "counts");
        sheetsByImpact = sheetsByImpact == null ? List.of() : List.copyOf(sheetsByImpact);
        tradesAffected = tradesAffected == null ? List.of() : List.copyOf(tradesAffected);
    }
}
