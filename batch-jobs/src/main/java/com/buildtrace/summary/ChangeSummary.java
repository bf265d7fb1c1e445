package com.buildtrace.summary;

import com.buildtrace.ai.TokenUsage;
import java.util.List;
import java.util.Objects;

/**
 * A comparison's summary: per sheet and for the set, and who wrote it (the body of {@code summary.json}; the
 * version fields come from the history).
 *
 * @param kind ai, deterministic or edited
 * @param label what a reader is told about who wrote it
 * @param status completed, or partial when some sheets fell back to the deterministic summary
 * @param model the model that wrote it (or the AI version an edit started from), else null
 * @param note why it is what it is, when that needs saying (e.g. why the AI summary failed), else null
 * @param basedOnVersion for an edit: the version it started from, else null
 * @param usage tokens and estimated cost of writing it
 * @param set the set-level summary
 * @param sheets one per sheet task, in the comparison's sheet order
 */
public record ChangeSummary(SummarySource kind, String label, SummaryStatus status, String model, String note,
                            Integer basedOnVersion, TokenUsage usage, SetSummary set, List<SheetSummary> sheets) {

    /** Says that a summary was not written by an AI. */
    public static final String DETERMINISTIC_LABEL = "Computed from the detected changes; not written by an AI.";

    public ChangeSummary {
        Objects.requireNonNull(kind, "kind");
        Texts.require(label, "label");
        Objects.requireNonNull(status, "status");
        if (status == SummaryStatus.FAILED) {
            throw new IllegalArgumentException("a failed attempt has no summary");
        }
        usage = usage == null ? TokenUsage.NONE : usage;
        Objects.requireNonNull(set, "set");
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
    }

    /** The summary of the sheet with these pages, if there is one. */
    public java.util.Optional<SheetSummary> sheet(Integer oldPage, Integer newPage) {
        return sheets.stream().filter(s -> s.sameSheet(oldPage, newPage)).findFirst();
    }
}
