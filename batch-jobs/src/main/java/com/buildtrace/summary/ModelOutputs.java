package com.buildtrace.summary;

import java.util.List;

/** What the model returns, in the shapes of summary.schema.json's {@code $defs} it is held to. */
final class ModelOutputs {

    private ModelOutputs() {
    }

    /**
     * {@code $defs/sheetSummaryOutput}: one sheet.
     *
     * @param summary what changed, in plain language
     * @param changes the changes
     * @param criticalChange the change not to miss, or null
     * @param recommendations follow-ups
     */
    record SheetOutput(String summary, List<SummaryChange> changes, String criticalChange,
                       List<String> recommendations) {

        SheetOutput {
            Texts.require(summary, "summary");
            changes = changes == null ? List.of() : List.copyOf(changes);
            recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        }
    }

    /**
     * {@code $defs/setSummaryOutput}: the set.
     *
     * @param overallSummary what changed between the revisions
     * @param sheetsByImpact sheets, most impact first
     * @param tradesAffected trades whose sheets changed
     */
    record SetOutput(String overallSummary, List<SheetImpact> sheetsByImpact, List<Trade> tradesAffected) {

        SetOutput {
            Texts.require(overallSummary, "overallSummary");
            sheetsByImpact = sheetsByImpact == null ? List.of() : List.copyOf(sheetsByImpact);
            tradesAffected = tradesAffected == null ? List.of() : List.copyOf(tradesAffected);
        }
    }
}
