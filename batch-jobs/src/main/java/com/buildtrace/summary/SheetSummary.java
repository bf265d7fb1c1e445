package com.buildtrace.summary;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The summary of one sheet of a comparison.
 *
 * @param sheet the sheet as people call it (its number, else "page N")
 * @param title its title, or null
 * @param oldPage 0-based page in the old set, or null (added sheet)
 * @param newPage 0-based page in the new set, or null (removed sheet)
 * @param status changed, unchanged, added, removed or failed (as in result.json)
 * @param source who wrote this sheet's summary
 * @param note why it is deterministic inside an AI summary (no change, over budget, request failed), else null
 * @param summary what changed, in plain language
 * @param changes the changes, most important first
 * @param criticalChange the one change the team must not miss, or null
 * @param recommendations concrete follow-ups
 */
public record SheetSummary(String sheet, String title, Integer oldPage, Integer newPage, String status,
                           SummarySource source, String note, String summary, List<SummaryChange> changes,
                           String criticalChange, List<String> recommendations) {

    private static final Set<String> STATUSES = Set.of("changed", "unchanged", "added", "removed", "failed");

    public SheetSummary {
        Texts.require(sheet, "sheet");
        Objects.requireNonNull(source, "source");
        Texts.require(summary, "summary of sheet " + sheet);
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("sheet " + sheet + ": unknown status " + status);
        }
        if (oldPage == null && newPage == null) {
            throw new IllegalArgumentException("sheet " + sheet + " has neither an old nor a new page");
        }
        changes = changes == null ? List.of() : List.copyOf(changes);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    /** True when this summary is of the same sheet task (same pages) as the other. */
    public boolean sameSheet(Integer oldPage, Integer newPage) {
        return Objects.equals(this.oldPage, oldPage) && Objects.equals(this.newPage, newPage);
    }

    /** The same content under another source and note. */
    SheetSummary withSource(SummarySource s, String n) {
        return new SheetSummary(sheet, title, oldPage, newPage, status, s, n, summary, changes, criticalChange,
                recommendations);
    }
}
