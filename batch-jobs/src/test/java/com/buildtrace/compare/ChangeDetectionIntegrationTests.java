package com.buildtrace.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.diff.ChangeKind;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.fixtures.Drawing;
import com.buildtrace.fixtures.Sheets;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole sheet pairs through the engine: known edits are found where they are, with the right kind, and
 * nothing else lights up, also when the new sheet was re-plotted or the page is rotated.
 */
class ChangeDetectionIntegrationTests {

    @TempDir
    Path dir;

    /** The added line: a new wall segment in the office. */
    static final Drawing ADDED_LINE = c -> c.line(200, 420, 400, 420, 2);

    static final Box ADDED_LINE_BOX = new Box(200, 419, 200, 2);

    /** Note 2 is taken off the sheet: the plan without it, then the remaining edits. */
    static final Box NOTE_2_BOX = new Box(160, 566, 170, 10);

    /** The dimension 16'-8" becomes 17'-2". */
    static final Box DIMENSION_BOX = new Box(585, 156, 32, 10);

    @Test
    void findsEachEditWithItsKindAndNothingElse() throws IOException {
        SetComparison result = compare(Sheets.Sheet.of("A-101", Sheets.PLAN),
                Sheets.Sheet.of("A-101", edited()));

        PageComparison page = result.pages().get(0);
        assertThat(page.status()).isEqualTo(PageStatus.CHANGED);
        assertThat(page.regions()).hasSize(3);
        assertThat(regionAt(page, ADDED_LINE_BOX).kind()).isEqualTo(ChangeKind.ADDED);
        assertThat(regionAt(page, NOTE_2_BOX).kind()).isEqualTo(ChangeKind.REMOVED);
        assertThat(regionAt(page, DIMENSION_BOX).kind()).isEqualTo(ChangeKind.MODIFIED);
        // regions hug their edits: none is more than a few points larger than what changed
        assertThat(regionAt(page, ADDED_LINE_BOX).box().width()).isBetween(198.0, 206.0);
        assertThat(regionAt(page, ADDED_LINE_BOX).box().height()).isLessThan(6.0);
        assertThat(page.textChanges()).extracting(TextChange::kind, TextChange::oldText, TextChange::newText)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(TextChange.Kind.REMOVED, "2. PATCH AND PAINT EXISTING WALLS.", null),
                        org.assertj.core.groups.Tuple.tuple(TextChange.Kind.REPLACED, "16'-8\"", "17'-2\""));
    }

    @Test
    void aReplottedCopyWithoutEditsHasNoChange() throws IOException {
        AffineTransform replot = Sheets.replot(9.5, -6.0, 1.004, -0.35, Sheets.TABLOID);

        SetComparison result = compare(Sheets.Sheet.of("A-101", Sheets.PLAN),
                Sheets.Sheet.of("A-101", Sheets.PLAN).plotted(replot));

        PageComparison page = result.pages().get(0);
        assertThat(page.status()).isEqualTo(PageStatus.UNCHANGED);
        assertThat(page.regions()).isEmpty();
        assertThat(page.textChanges()).isEmpty();
        assertThat(page.alignment().isIdentity()).isFalse();
    }

    @Test
    void findsEditsOnAReplottedSheetAtTheirNewPosition() throws IOException {
        AffineTransform replot = Sheets.replot(-12.0, 4.0, 0.997, 0.25, Sheets.TABLOID);

        SetComparison result = compare(Sheets.Sheet.of("A-101", Sheets.PLAN),
                Sheets.Sheet.of("A-101", edited()).plotted(replot));

        PageComparison page = result.pages().get(0);
        assertThat(page.regions()).hasSize(3);
        Box lineOnNewSheet = com.buildtrace.compare.geom.Transforms.map(replot, ADDED_LINE_BOX);
        assertThat(regionAt(page, lineOnNewSheet).kind()).isEqualTo(ChangeKind.ADDED);
    }

    @Test
    void reportsRegionsInDisplayedCoordinatesOfARotatedPage() throws IOException {
        SetComparison result = compare(Sheets.Sheet.of("A-101", Sheets.PLAN).rotated(90),
                Sheets.Sheet.of("A-101", ADDED_LINE_AND(Sheets.PLAN)).rotated(90));

        PageComparison page = result.pages().get(0);
        assertThat(page.newSize()).containsExactly(Sheets.TABLOID.getWidth(), Sheets.TABLOID.getHeight());
        assertThat(page.regions()).hasSize(1);
        assertThat(regionAt(page, ADDED_LINE_BOX).kind()).isEqualTo(ChangeKind.ADDED);
    }

    @Test
    void anIdenticalSheetIsUnchanged() throws IOException {
        SetComparison result = compare(Sheets.Sheet.of("A-101", Sheets.PLAN), Sheets.Sheet.of("A-101", Sheets.PLAN));

        assertThat(result.pages()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PageStatus.UNCHANGED);
            assertThat(p.alignment().isIdentity()).isTrue();
        });
    }

    private static Drawing ADDED_LINE_AND(Drawing base) {
        return c -> {
            base.draw(c);
            ADDED_LINE.draw(c);
        };
    }

    /** The plan with a line added, note 2 removed and a dimension changed. */
    static Drawing edited() {
        return ADDED_LINE_AND(Sheets.plan("17'-2\"", false));
    }

    private SetComparison compare(Sheets.Sheet oldSheet, Sheets.Sheet newSheet) throws IOException {
        Path oldFile = Sheets.write(dir.resolve("old.pdf"), oldSheet);
        Path newFile = Sheets.write(dir.resolve("new.pdf"), newSheet);
        return new SetComparator().compare(oldFile, newFile, dir.resolve("out"),
                CompareOptions.defaults().withFullImages(false), CompareListener.NONE);
    }

    /** The one region that overlaps the expected box (grown by 3 pt). */
    private static ChangeRegion regionAt(PageComparison page, Box expected) {
        List<ChangeRegion> hits = page.regions().stream().filter(r -> r.box().intersects(expected.grow(3))).toList();
        assertThat(hits).as("regions at %s among %s", expected, page.regions()).hasSize(1);
        return hits.get(0);
    }
}
