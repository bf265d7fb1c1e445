package com.buildtrace.summary;

import java.util.Objects;

/**
 * A sheet in the set's ranking by impact.
 *
 * @param sheet the sheet number (or "page N")
 * @param impact how much its changes matter
 * @param reason why, in a few words
 */
public record SheetImpact(String sheet, Severity impact, String reason) {

    public SheetImpact {
        Texts.require(sheet, "ranked sheet");
        Objects.requireNonNull(impact, "impact");
        Texts.require(reason, "reason of the ranking of " + sheet);
    }
}
