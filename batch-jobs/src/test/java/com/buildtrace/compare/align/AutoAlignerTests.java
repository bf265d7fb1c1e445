package com.buildtrace.compare.align;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.content.PageContentScanner;
import com.buildtrace.compare.geom.Transforms;
import com.buildtrace.compare.raster.GrayBand;
import com.buildtrace.compare.raster.GrayImage;
import com.buildtrace.compare.raster.PdfRasterizer;
import com.buildtrace.compare.source.DrawingSetReader;
import com.buildtrace.compare.source.PdfSheet;
import com.buildtrace.fixtures.Drawing;
import com.buildtrace.fixtures.Sheets;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-plots of known shift, scale and rotation are recovered: from the text layer, from path end points on a
 * sheet without text, and from pixels alone (scans). "Within half a pixel" is checked at 300 dpi, where a
 * pixel is 0.24 pt, at the sheet's four corners.
 */
class AutoAlignerTests {

    /** Half a pixel at 300 dpi, in points. */
    static final double HALF_PIXEL_300_DPI = 0.5 * 72 / 300;

    @TempDir
    Path dir;

    private final AutoAligner aligner = new AutoAligner();

    @Test
    void recoversShiftScaleAndRotationFromTheTextLayer() throws IOException {
        AffineTransform truth = Sheets.replot(7.3, -4.1, 1.003, 0.3, Sheets.TABLOID);
        Sheet pair = pair(Sheets.PLAN, truth);

        Alignment a = aligner.align(pair.old, pair.neu);

        assertThat(a.aligned()).isTrue();
        assertThat(a.method()).isEqualTo(Alignment.Method.TEXT);
        assertThat(cornerError(a, truth)).isLessThan(HALF_PIXEL_300_DPI);
    }

    @Test
    void recoversAReplotFromPathEndPointsWhenThereIsNoText() throws IOException {
        AffineTransform truth = Sheets.replot(-11.5, 6.2, 0.996, -0.4, Sheets.TABLOID);
        Sheet pair = pair(Sheets.PLAN_NO_TEXT, truth);

        Alignment a = aligner.align(pair.old, pair.neu);

        assertThat(a.aligned()).isTrue();
        assertThat(a.method()).isEqualTo(Alignment.Method.VECTOR);
        assertThat(cornerError(a, truth)).isLessThan(HALF_PIXEL_300_DPI);
    }

    @Test
    void recoversAReplotFromPixelsAlone() throws IOException {
        AffineTransform truth = Sheets.replot(5.0, -3.0, 1.0, 0.6, Sheets.TABLOID);
        Sheet pair = pair(Sheets.PLAN, truth);
        AlignmentInput oldScan = new AlignmentInput(pair.old.widthPt(), pair.old.heightPt(), PageContent.empty(),
                pair.old.preview());
        AlignmentInput newScan = new AlignmentInput(pair.neu.widthPt(), pair.neu.heightPt(), PageContent.empty(),
                pair.neu.preview());

        Alignment a = aligner.align(oldScan, newScan);

        assertThat(a.method()).isEqualTo(Alignment.Method.RASTER);
        // pixels give a coarser fix than geometry: half a pixel at 150 dpi, the scans' usual resolution
        assertThat(cornerError(a, truth)).isLessThan(0.5 * 72 / 150);
    }

    @Test
    void snapsUnmovedSheetsToIdentity() throws IOException {
        Sheet pair = pair(Sheets.PLAN, new AffineTransform());

        Alignment a = aligner.align(pair.old, pair.neu);

        assertThat(a.isIdentity()).isTrue();
        assertThat(a.confidence()).isGreaterThan(0.95);
    }

    @Test
    void reportsFailureForUnrelatedSheets() throws IOException {
        Drawing other = c -> {
            for (int i = 0; i < 30; i++) {
                c.circle(100 + i * 31, 100 + (i * 97) % 600, 5 + i % 7, 1);
            }
        };
        Path oldFile = Sheets.write(dir.resolve("a.pdf"), Sheets.Sheet.of(null, Sheets.PLAN_NO_TEXT));
        Path newFile = Sheets.write(dir.resolve("b.pdf"), Sheets.Sheet.of(null, other));

        Alignment a = aligner.align(input(oldFile), input(newFile));

        assertThat(a.aligned()).isFalse();
        assertThat(a.method()).isEqualTo(Alignment.Method.NONE);
    }

    private record Sheet(AlignmentInput old, AlignmentInput neu) {
    }

    private Sheet pair(Drawing drawing, AffineTransform replot) throws IOException {
        Path oldFile = Sheets.write(dir.resolve("old.pdf"), Sheets.Sheet.of(null, drawing));
        Path newFile = Sheets.write(dir.resolve("new.pdf"), Sheets.Sheet.of(null, drawing).plotted(replot));
        return new Sheet(input(oldFile), input(newFile));
    }

    /** Content and a preview renderer of the first page, as the comparison gives them to the aligner. */
    static AlignmentInput input(Path file) throws IOException {
        PdfSheet sheet = (PdfSheet) new DrawingSetReader().read(file).sheets().get(0);
        PageContent content;
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            content = new PageContentScanner().scan(doc, 0);
        }
        return new AlignmentInput(sheet.widthPt(), sheet.heightPt(), content, dpi -> render(file, sheet, dpi));
    }

    static GrayImage render(Path file, PdfSheet sheet, double dpi) {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            int w = (int) Math.ceil(sheet.widthPt() * dpi / 72);
            int h = (int) Math.ceil(sheet.heightPt() * dpi / 72);
            GrayBand band = new GrayBand(new byte[w * h], w, 0, h);
            new PdfRasterizer(doc, sheet).rasterize(new AffineTransform(), dpi, band, true);
            return new GrayImage(band.pixels(), w, h, dpi);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double cornerError(Alignment a, AffineTransform truth) {
        return Transforms.cornerDistance(a.transform(), truth, Sheets.TABLOID.getWidth(), Sheets.TABLOID.getHeight());
    }
}
