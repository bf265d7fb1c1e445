package com.buildtrace.share;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One change of a set, as a triage row (a line of {@code changes.csv}, an element of the API's JSON).
 *
 * @param sheet sheet number (or page label)
 * @param title sheet title, or null
 * @param newPage 1-based page in the new set
 * @param kind added, removed or modified
 * @param regionId the region's id on its sheet (r1, r2, ...)
 * @param x left edge, points of the new sheet from its top left
 * @param y top edge
 * @param width width in points
 * @param height height in points
 * @param oldText the old text of the text changes in the region ("; " between several), or null
 * @param newText the new text, or null
 * @param text the text changes as read: "12'-6" → 13'-0"", or null
 * @param trade the trade, when an AI summary gives it, else null
 * @param severity low, medium, high or critical, when an AI summary gives it, else null
 * @param cloud the cloud audit's verdict: clouded, unclouded, revision-mark, or null when not audited
 */
public record ChangeRow(String sheet, String title, int newPage, String kind, String regionId, double x, double y,
                        double width, double height, String oldText, String newText, String text, String trade,
                        String severity, String cloud) implements Csv.Row {

    /** The CSV header, in field order. */
    public static final List<String> HEADER = List.of("sheet", "title", "new_page", "kind", "region", "x_pt", "y_pt",
            "width_pt", "height_pt", "old_text", "new_text", "text_change", "trade", "severity", "cloud");

    public ChangeRow {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(regionId, "regionId");
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a region's size cannot be negative");
        }
    }

    @Override
    public List<String> fields() {
        return java.util.Arrays.asList(sheet, title, String.valueOf(newPage), kind, regionId, num(x), num(y),
                num(width), num(height), oldText, newText, text, trade, severity, cloud);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
