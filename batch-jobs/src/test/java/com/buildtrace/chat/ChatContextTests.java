package com.buildtrace.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.ai.TokenEstimate;
import com.buildtrace.ai.TokenUsage;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.diff.ChangeKind;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.sheets.SheetId;
import com.buildtrace.sheets.SheetPairing;
import com.buildtrace.summary.ChangeSummary;
import com.buildtrace.summary.ChangeType;
import com.buildtrace.summary.DeterministicChangeSummarizer;
import com.buildtrace.summary.SheetSummary;
import com.buildtrace.summary.Severity;
import com.buildtrace.summary.SummaryChange;
import com.buildtrace.summary.SummarySource;
import com.buildtrace.summary.SummaryStatus;
import com.buildtrace.summary.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The chat's context within its token budget, most severe first; citations read off an answer. */
class ChatContextTests {

    /** A changed sheet with n regions, the largest first in area. */
    private static PageComparison sheet(String number, int page, int n) {
        List<ChangeRegion> regions = IntStream.range(0, n).mapToObj(i -> new ChangeRegion("r" + (i + 1),
                new Box(20 + i, 30 + i, 40, 10), ChangeKind.ADDED, 100 - i, 0, 100 - i)).toList();
        SheetId id = new SheetId(number, "PLAN", page, SheetId.Source.TEXT, 1);
        return new PageComparison(id, id, PageStatus.CHANGED, SheetPairing.By.NUMBER, new double[] {1224, 792},
                new double[] {1224, 792}, null, regions, List.of(), null, 150, n * 90.0, null, 10, Map.of());
    }

    private static ChangeSummary withCritical(List<PageComparison> pages, String sheet) {
        ChangeSummary base = new DeterministicChangeSummarizer().summary(pages, null);
        List<SheetSummary> sheets = new ArrayList<>();
        for (SheetSummary s : base.sheets()) {
            sheets.add(!s.sheet().equals(sheet) ? s : new SheetSummary(s.sheet(), s.title(), s.oldPage(), s.newPage(),
                    s.status(), SummarySource.AI, null, "The north beam is cut.", List.of(new SummaryChange(
                            "Beam B2 cut", "B2 stops short of grid C.", ChangeType.MODIFIED, "Grid C", Trade.STRUCTURAL,
                            Severity.CRITICAL, List.of("r1"), null, null)), "Beam B2 cut short.", List.of()));
        }
        return new ChangeSummary(SummarySource.AI, "Written by AI (test)", SummaryStatus.COMPLETED, "test", null, null,
                TokenUsage.NONE, base.set(), sheets);
    }

    @Test
    void theMostSevereSheetComesFirstAndWhatDoesNotFitIsNamed() {
        // A-101 changed most by area, S-201 has the critical change; the budget holds about one sheet in full
        List<PageComparison> pages = List.of(sheet("A-101", 0, 30), sheet("S-201", 1, 3), sheet("M-301", 2, 2));
        ChangeSummary summary = withCritical(pages, "S-201");

        String context = ChatContext.of(pages, summary, 650);

        assertThat(TokenEstimate.text(context)).isLessThanOrEqualTo(650 + 20);
        assertThat(context.indexOf("## S-201")).isPositive().isLessThan(context.indexOf("## A-101"));
        assertThat(context).contains("- [r1] critical, Structural: Beam B2 cut. B2 stops short of grid C. At Grid C.");
        assertThat(context).contains("Regions (largest first; boxes in pt from the top left): r1 added 40 × 10 pt at "
                + "(20, 30) top left; r2 added");
        assertThat(context).endsWith("Not included for lack of room (ask about them specifically): M-301\n");
        // A-101 did not fit whole: it is there without its region list
        String a101 = context.substring(context.indexOf("## A-101"), context.indexOf("Not included"));
        assertThat(a101).contains("Summary: 30 change regions (30 added)").doesNotContain("Regions (largest first");
    }

    @Test
    void citationsAreSheetsAndRegionsOfTheComparisonOnly() {
        List<PageComparison> pages = List.of(sheet("A-101", 0, 3), sheet("A-101A", 1, 1), sheet("S-201", 2, 2));

        Citations c = Citations.of("Moved [A-101 r1, r3; S-201 r2] and [A-101A r1]; see [S-201] and [A-101 r7], "
                + "[X-1 r1], [r2].", pages);

        assertThat(c.sheets()).containsExactly("A-101", "S-201", "A-101A");
        assertThat(c.regions()).containsExactly(new RegionRef("A-101", "r1"), new RegionRef("A-101", "r3"),
                new RegionRef("S-201", "r2"), new RegionRef("A-101A", "r1"));
    }

    @Test
    void suggestedQuestionsComeFromTheComparison() {
        List<PageComparison> pages = List.of(sheet("A-101", 0, 30), sheet("S-201", 1, 3));
        ChangeSummary summary = withCritical(pages, "S-201");

        assertThat(SuggestedQuestions.of(pages, summary)).containsExactly("What changed on A-101 (PLAN)?",
                "What changed on S-201 (PLAN)?", "What is the impact of \"Beam B2 cut\", and who needs to act on it?",
                "Which changes need coordination between Architectural and Structural?");
    }
}
