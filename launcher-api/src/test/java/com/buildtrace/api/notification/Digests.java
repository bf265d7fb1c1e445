package com.buildtrace.api.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Digests of the kinds a notification tells of, for the message tests. */
final class Digests {

    static final UUID ID = UUID.fromString("0b7c1f8e-2f7a-4d7e-9a43-5c1d2e3f4a5b");

    static final String LINK = "https://buildtrace.example.com/#/comparisons/" + ID;

    private Digests() {
    }

    /** Rev 3 → Rev 4 of "A-Set": 7 changed, 1 added, 1 removed, 3 unchanged; AI summary. */
    static ComparisonDigest completed() {
        List<ComparisonDigest.Sheet> sheets = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            sheets.add(new ComparisonDigest.Sheet("A-10" + i, i == 1 ? "Floor plan" : null, "changed",
                    ComparisonDigest.plural(8 - i, "change")));
        }
        sheets.add(new ComparisonDigest.Sheet("A-501", "Details", "added", null));
        sheets.add(new ComparisonDigest.Sheet("A-900", null, "removed", null));
        return new ComparisonDigest(ID, "Harbor <Clinic> & Co", "A-Set", "rev 3", "rev 4", false, null,
                Duration.ofSeconds(134), new ComparisonDigest.Counts(7, 3, 1, 1, 0), sheets,
                List.of(new ComparisonDigest.Change("A-101", "Door D3 moved 4 ft east", "high"),
                        new ComparisonDigest.Change("A-103", "Text changed: 12'-6\" → 13'-0\"", "medium")),
                "The east wing was re-planned.", LINK);
    }

    /** A comparison that failed, with two sheets that could not be compared, and no public URL. */
    static ComparisonDigest failed() {
        return new ComparisonDigest(ID, "Clinic", "Structural", "Rev A", "Rev B", true,
                "the new set is not a PDF: s-rev-b.pdf", Duration.ofMillis(4_400),
                new ComparisonDigest.Counts(0, 0, 0, 0, 2),
                List.of(new ComparisonDigest.Sheet("S-201", null, "failed", "page 3 could not be rendered"),
                        new ComparisonDigest.Sheet("S-202", null, "failed", "page 4 could not be rendered")),
                List.of(), null, null);
    }
}
