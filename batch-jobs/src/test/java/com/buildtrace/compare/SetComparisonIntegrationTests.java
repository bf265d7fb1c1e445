package com.buildtrace.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.compare.align.Alignment;
import com.buildtrace.compare.diff.ChangeKind;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.geom.Transforms;
import com.buildtrace.compare.overlay.PngWriter;
import com.buildtrace.compare.raster.GrayBand;
import com.buildtrace.compare.raster.PdfRasterizer;
import com.buildtrace.compare.source.DrawingSetReader;
import com.buildtrace.compare.source.PdfSheet;
import com.buildtrace.fixtures.Drawing;
import com.buildtrace.fixtures.Sheets;
import com.buildtrace.sheets.SheetPairing;
import java.awt.geom.AffineTransform;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole sets: re-ordered, added and removed sheets, and scans given as images. */
class SetComparisonIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void pairsReorderedSheetsByNumberAndReportsTheAddedAndRemovedOnes() throws IOException {
        Drawing circles = c -> c.circle(500, 400, 120, 2);
        Drawing lines = c -> {
            for (int i = 0; i < 10; i++) {
                c.line(150, 150 + i * 40, 800, 150 + i * 40, 1);
            }
        };
        Path oldSet = Sheets.write(dir.resolve("old.pdf"), List.of(Sheets.Sheet.of("A-101", Sheets.PLAN),
                Sheets.Sheet.of("A-102", circles), Sheets.Sheet.of("S-101", lines)));
        Drawing details = c -> {
            for (int i = 0; i < 3; i++) {
                c.rect(150 + i * 250, 200, 200, 400, 1.5);
                c.line(250 + i * 250, 220, 250 + i * 250, 580, 3);
            }
        };
        Path newSet = Sheets.write(dir.resolve("new.pdf"), List.of(Sheets.Sheet.of("S-101", lines),
                Sheets.Sheet.of("A-501", details), Sheets.Sheet.of("A-101", ChangeDetectionIntegrationTests.edited())));

        SetComparison result = compare(oldSet, newSet);

        assertThat(result.pages()).extracting(PageComparison::oldPage, PageComparison::newPage, PageComparison::status,
                PageComparison::label).containsExactly(
                        tuple(2, 0, PageStatus.UNCHANGED, "S-101"),
                        tuple(null, 1, PageStatus.ADDED, "A-501"),
                        tuple(0, 2, PageStatus.CHANGED, "A-101"),
                        tuple(1, null, PageStatus.REMOVED, "A-102"));
        assertThat(result.pages().get(0).pairedBy()).isEqualTo(SheetPairing.By.NUMBER);
    }

    @Test
    void aRenumberedSheetIsPairedByContentAndFlagged() throws IOException {
        Drawing circles = c -> c.circle(500, 400, 120, 2);
        Path oldSet = Sheets.write(dir.resolve("old.pdf"), List.of(Sheets.Sheet.of("A-101", Sheets.PLAN),
                Sheets.Sheet.of("A-102", circles)));
        Path newSet = Sheets.write(dir.resolve("new.pdf"), List.of(Sheets.Sheet.of("A-101", Sheets.PLAN),
                Sheets.Sheet.of("A-201", circles)));

        SetComparison result = compare(oldSet, newSet);

        PageComparison moved = result.pages().get(1);
        assertThat(moved.pairedBy()).isEqualTo(SheetPairing.By.CONTENT);
        assertThat(moved.renumbered()).isTrue();
        assertThat(moved.oldSheet().number()).isEqualTo("A-102");
        assertThat(moved.newSheet().number()).isEqualTo("A-201");
    }

    @Test
    void pairsSheetsWithoutNumbersByTheirContent() throws IOException {
        Drawing circles = c -> c.circle(500, 400, 120, 2);
        Path oldSet = Sheets.write(dir.resolve("old.pdf"), List.of(Sheets.Sheet.of(null, Sheets.PLAN),
                Sheets.Sheet.of(null, circles)));
        Path newSet = Sheets.write(dir.resolve("new.pdf"), List.of(Sheets.Sheet.of(null, circles),
                Sheets.Sheet.of(null, Sheets.PLAN)));

        SetComparison result = compare(oldSet, newSet);

        assertThat(result.pages()).extracting(PageComparison::oldPage, PageComparison::newPage, PageComparison::status)
                .containsExactly(tuple(1, 0, PageStatus.UNCHANGED), tuple(0, 1, PageStatus.UNCHANGED));
    }

    @Test
    void comparesScansGivenAsImagesInPointsOfTheirOwnResolution() throws IOException {
        AffineTransform oldScan = Sheets.replot(2.0, -3.0, 1.0, 0.4, Sheets.TABLOID);
        AffineTransform newScan = Sheets.replot(-4.0, 1.5, 1.0, -0.3, Sheets.TABLOID);
        Path oldPng = scan(Sheets.Sheet.of("A-101", Sheets.PLAN).plotted(oldScan), "old");
        Path newPng = scan(Sheets.Sheet.of("A-101", ChangeDetectionIntegrationTests.edited()).plotted(newScan), "new");

        SetComparison result = compare(oldPng, newPng);

        PageComparison page = result.pages().get(0);
        assertThat(page.status()).isEqualTo(PageStatus.CHANGED);
        assertThat(page.alignment().method()).isEqualTo(Alignment.Method.RASTER);
        // the true old-to-new mapping is newScan after the inverse of oldScan
        AffineTransform truth = new AffineTransform(newScan);
        truth.concatenate(Transforms.inverse(oldScan));
        assertThat(Transforms.cornerDistance(page.alignment().transform(), truth, 1224, 792)).isLessThan(0.5);
        Box line = Transforms.map(newScan, ChangeDetectionIntegrationTests.ADDED_LINE_BOX);
        assertThat(page.regions()).filteredOn(r -> r.box().intersects(line.grow(6)))
                .extracting(r -> r.kind()).containsExactly(ChangeKind.ADDED);
        Box note = Transforms.map(newScan, ChangeDetectionIntegrationTests.NOTE_2_BOX);
        assertThat(page.regions()).filteredOn(r -> r.box().intersects(note.grow(6)))
                .extracting(r -> r.kind()).containsExactly(ChangeKind.REMOVED);
        assertThat(page.textChanges()).isEmpty();
    }

    /** A sheet rendered at 200 dpi into an 8-bit grey PNG that says its resolution, as a scanner writes it. */
    private Path scan(Sheets.Sheet sheet, String name) throws IOException {
        Path pdf = Sheets.write(dir.resolve(name + ".pdf"), sheet);
        PdfSheet page = (PdfSheet) new DrawingSetReader().read(pdf).sheets().get(0);
        double dpi = 200;
        int w = (int) Math.ceil(page.widthPt() * dpi / 72);
        int h = (int) Math.ceil(page.heightPt() * dpi / 72);
        GrayBand band = new GrayBand(new byte[w * h], w, 0, h);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            new PdfRasterizer(doc, page).rasterize(new AffineTransform(), dpi, band, true);
        }
        Path png = dir.resolve(name + ".png");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(png));
             PngWriter writer = PngWriter.gray(out, w, h, dpi)) {
            for (int y = 0; y < h; y++) {
                writer.writeRow(band.pixels(), y * w);
            }
        }
        return png;
    }

    private SetComparison compare(Path oldSet, Path newSet) throws IOException {
        return new SetComparator().compare(oldSet, newSet, dir.resolve("out"),
                CompareOptions.defaults().withFullImages(false), CompareListener.NONE);
    }
}
