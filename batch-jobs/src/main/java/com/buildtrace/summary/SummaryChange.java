package com.buildtrace.summary;

import java.util.List;
import java.util.Objects;

/**
 * One change of a sheet, as a summary tells it.
 *
 * @param title a few words naming it
 * @param description one or two plain sentences: what changed and why it matters
 * @param changeType added, removed or modified
 * @param location grid line, room or area if known, else where on the sheet; null if unknown
 * @param trade the trade it concerns
 * @param severity how much it matters
 * @param regionIds the detected change regions that show it (r1, r2, ... of its sheet)
 * @param oldValue the old text when the change is of text, else null
 * @param newValue the new text when the change is of text, else null
 */
public record SummaryChange(String title, String description, ChangeType changeType, String location, Trade trade,
                            Severity severity, List<String> regionIds, String oldValue, String newValue) {

    public SummaryChange {
        Texts.require(title, "change title");
        Texts.require(description, "change description");
        Objects.requireNonNull(changeType, "changeType");
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(severity, "severity");
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
    }

    /** The same change linked only to the regions that exist (a model may name one that does not). */
    SummaryChange keepRegions(java.util.Set<String> known) {
        List<String> kept = regionIds.stream().filter(known::contains).distinct().toList();
        return kept.equals(regionIds) ? this
                : new SummaryChange(title, description, changeType, location, trade, severity, kept, oldValue, newValue);
    }
}
