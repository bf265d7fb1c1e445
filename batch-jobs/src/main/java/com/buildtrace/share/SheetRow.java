package com.buildtrace.share;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One sheet of a set, as a triage row (a line of {@code sheets.csv}), ranked by amount of change.
 *
 * @param rank 1 for the most changed sheet
 * @param sheet sheet number (or page label)
 * @param title sheet title, or null
 * @param status changed, unchanged, added, removed or failed
 * @param oldPage 1-based page in the old set, or null
 * @param newPage 1-based page in the new set, or null
 * @param changedAreaPercent changed ink as a share of the sheet's area, in percent
 * @param regions number of change regions
 * @param textChanges number of text changes
 * @param uncloudedChanges changes with no revision cloud around them, or null when not audited
 * @param emptyClouds revision clouds around which nothing changed, or null when not audited
 * @param error why the sheet could not be compared, or null
 */
public record SheetRow(int rank, String sheet, String title, String status, Integer oldPage, Integer newPage,
                       double changedAreaPercent, int regions, int textChanges, Integer uncloudedChanges,
                       Integer emptyClouds, String error) implements Csv.Row {

    /** The CSV header, in field order. */
    public static final List<String> HEADER = List.of("rank", "sheet", "title", "status", "old_page", "new_page",
            "changed_area_pct", "regions", "text_changes", "unclouded_changes", "empty_clouds", "error");

    public SheetRow {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(status, "status");
        if (rank < 1) {
            throw new IllegalArgumentException("ranks start at 1: " + rank);
        }
    }

    @Override
    public List<String> fields() {
        return Arrays.asList(String.valueOf(rank), sheet, title, status, str(oldPage), str(newPage),
                String.format(Locale.ROOT, "%.3f", changedAreaPercent), String.valueOf(regions),
                String.valueOf(textChanges), str(uncloudedChanges), str(emptyClouds), error);
    }

    private static String str(Integer v) {
        return v == null ? null : v.toString();
    }
}
