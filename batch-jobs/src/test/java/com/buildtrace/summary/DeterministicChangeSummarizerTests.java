package com.buildtrace.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.ai.TokenUsage;
import com.buildtrace.compare.PageComparison;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary without AI: labelled as such, counts, text changes verbatim, largest regions by location. */
class DeterministicChangeSummarizerTests {

    @TempDir
    Path out;

    @Test
    void summarizesFromTheDetectedChangesAloneAndSaysSo() throws Exception {
        List<PageComparison> pages = List.of(SummaryFixtures.changed(out, "A-101", 0),
                SummaryFixtures.unchanged("S-201", 1), SummaryFixtures.added("E-501", 2));

        ChangeSummary s = new DeterministicChangeSummarizer().summarize(new SummaryRequest(UUID.randomUUID(), pages,
                out, null));

        assertThat(s.kind()).isEqualTo(SummarySource.DETERMINISTIC);
        assertThat(s.label()).isEqualTo("Computed from the detected changes; not written by an AI.");
        assertThat(s.model()).isNull();
        assertThat(s.usage()).isEqualTo(TokenUsage.NONE);
        SheetSummary a101 = s.sheets().get(0);
        assertThat(a101.summary()).isEqualTo("3 change regions (1 added, 1 removed, 1 modified); 2 text changes. "
                + "The largest, r3 (added, 100 × 250 pt), is at the middle right of the sheet.");
        // the text changes verbatim, then the regions without text, each linked to its region
        assertThat(a101.changes()).extracting(SummaryChange::title, SummaryChange::changeType,
                SummaryChange::severity, SummaryChange::regionIds, SummaryChange::oldValue, SummaryChange::newValue)
                .containsExactly(
                        tuple("Text changed: 16'-8\" → 17'-0\"", ChangeType.MODIFIED, Severity.MEDIUM, List.of("r1"),
                                "16'-8\"", "17'-0\""),
                        tuple("Text removed: 2. PATCH AND PAINT EXISTING WALLS.", ChangeType.REMOVED, Severity.LOW,
                                List.of("r2"), "2. PATCH AND PAINT EXISTING WALLS.", null),
                        tuple("Drawing added at the middle right", ChangeType.ADDED, Severity.MEDIUM, List.of("r3"),
                                null, null));
        assertThat(a101.changes().get(2).description())
                .isEqualTo("Line work added over 100 × 250 pt at (790, 210) (0.27 % of the sheet).");
        assertThat(a101.changes()).extracting(SummaryChange::trade).containsOnly(Trade.ARCHITECTURAL);
        assertThat(a101.criticalChange()).isNull();
        assertThat(s.sheets().get(2).changes()).extracting(SummaryChange::trade).containsExactly(Trade.ELECTRICAL);
        assertThat(s.set().overallSummary()).isEqualTo("1 of 3 sheets changed, 1 added, 0 removed. Most changed: "
                + "A-101 (3 regions, 2 text changes). Trades by sheet number: Architectural, Electrical.");
        assertThat(s.set().sheetsByImpact()).extracting(SheetImpact::sheet, SheetImpact::impact)
                .containsExactly(tuple("A-101", Severity.MEDIUM), tuple("E-501", Severity.MEDIUM));
        assertThat(s.set().counts()).isEqualTo(new SheetCounts(3, 1, 1, 1, 0, 0));
        assertThat(SummarySchemaCheck.validate(SummaryJson.document(UUID.randomUUID(), 1, OffsetDateTime.now(),
                "system", s))).isEmpty();
    }

    @Test
    void tradeComesFromTheSheetNumbersDisciplineDesignator() {
        assertThat(List.of("A-101", "AD-101", "I201", "S2.1", "M-401", "E201A", "P-101", "C-001", "FP-101", "G-001",
                "101")).extracting(Trade::ofSheetNumber).containsExactly(Trade.ARCHITECTURAL, Trade.ARCHITECTURAL,
                Trade.ARCHITECTURAL, Trade.STRUCTURAL, Trade.MECHANICAL, Trade.ELECTRICAL, Trade.PLUMBING, Trade.CIVIL,
                Trade.FIRE_PROTECTION, Trade.OTHER, Trade.OTHER);
    }
}
