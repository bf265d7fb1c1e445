package com.buildtrace.api.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a notification says about the end of a comparison: enough for a contractor to know, from the message
 * alone, whether to open it.
 *
 * @param comparisonId the comparison
 * @param project the project's name
 * @param set the drawing set's name
 * @param oldLabel the old revision's label
 * @param newLabel the new revision's label
 * @param failed true when the comparison failed (as a whole)
 * @param error why it failed, or null
 * @param duration how long it ran, or null when it never started
 * @param counts sheets by outcome
 * @param sheets every sheet that changed, was added, removed or could not be compared, most changed first
 * @param topChanges the changes that matter most, from the summary (by severity) or else from the detected text
 *     changes and regions; at most {@link #TOP_CHANGES}
 * @param overview the summary of the set in words when a person or an AI wrote it, else null
 * @param link the comparison in the web UI, or null when the installation has no public URL
 */
public record ComparisonDigest(UUID comparisonId, String project, String set, String oldLabel, String newLabel,
                               boolean failed, String error, Duration duration, Counts counts, List<Sheet> sheets,
                               List<Change> topChanges, String overview, String link) {

    /** Most changes listed as the top ones. */
    public static final int TOP_CHANGES = 5;

    public ComparisonDigest {
        Objects.requireNonNull(comparisonId, "comparisonId");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(counts, "counts");
        sheets = List.copyOf(sheets);
        topChanges = List.copyOf(topChanges.subList(0, Math.min(TOP_CHANGES, topChanges.size())));
    }

    /**
     * Sheets by outcome.
     *
     * @param changed sheets with changes
     * @param unchanged sheets without
     * @param added sheets only in the new revision
     * @param removed sheets only in the old revision
     * @param failed sheets that could not be compared
     */
    public record Counts(int changed, int unchanged, int added, int removed, int failed) {

        /** Every sheet. */
        public int total() {
            return changed + unchanged + added + removed + failed;
        }
    }

    /**
     * A sheet worth naming.
     *
     * @param sheet its number (or "page N")
     * @param title its title, or null
     * @param status changed, added, removed or failed
     * @param detail "4 changes" for a changed sheet, the reason for a failed one, else null
     */
    public record Sheet(String sheet, String title, String status, String detail) {

        /** The number and title, "A-101 Floor plan". */
        public String name() {
            return title == null || title.isBlank() ? sheet : sheet + " " + title;
        }
    }

    /**
     * One of the top changes.
     *
     * @param sheet the sheet it is on
     * @param text what changed ("Door D3 moved 4 ft east", "12'-6\" → 13'-0\"")
     * @param severity low, medium, high or critical when a summary rated it, else null
     */
    public record Change(String sheet, String text, String severity) {
    }

    /** The sheets of one status, in order. */
    public List<Sheet> sheets(String status) {
        return sheets.stream().filter(s -> s.status().equals(status)).toList();
    }

    /** "Architectural Rev A → Rev B", what was compared. */
    public String compared() {
        return set + " " + oldLabel + " → " + newLabel;
    }

    /** "Architectural Rev A → Rev B: 3 sheets changed, 1 added". */
    public String headline() {
        return compared() + ": " + outcome();
    }

    /** The outcome in a few words: "7 sheets changed, 1 added", "no changes", "comparison failed". */
    public String outcome() {
        if (failed) {
            return "comparison failed";
        }
        List<String> parts = new ArrayList<>();
        if (counts.changed() > 0) {
            parts.add(plural(counts.changed(), "sheet") + " changed");
        }
        if (counts.added() > 0) {
            parts.add(parts.isEmpty() ? plural(counts.added(), "sheet") + " added" : counts.added() + " added");
        }
        if (counts.removed() > 0) {
            parts.add(parts.isEmpty() ? plural(counts.removed(), "sheet") + " removed" : counts.removed() + " removed");
        }
        if (parts.isEmpty()) {
            parts.add("no changes");
        }
        if (counts.failed() > 0) {
            parts.add(plural(counts.failed(), "sheet") + " could not be compared");
        }
        return String.join(", ", parts);
    }

    /** True when sheets changed, were added or removed. */
    public boolean anyChange() {
        return counts.changed() + counts.added() + counts.removed() > 0;
    }

    /** The duration as people say it: "48 s", "2 min 14 s", "1 h 3 min". */
    public String took() {
        if (duration == null) {
            return "did not start";
        }
        long s = Math.round(duration.toMillis() / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    /** "1 sheet", "7 sheets". */
    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
