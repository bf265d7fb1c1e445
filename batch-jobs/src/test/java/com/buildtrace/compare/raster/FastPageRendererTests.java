package com.buildtrace.compare.raster;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.source.DrawingSetReader;
import com.buildtrace.compare.source.PdfSheet;
import com.buildtrace.fixtures.Sheets;
import com.buildtrace.samples.SampleSetGenerator;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast renderer draws what PDFBox draws: the same ink, up to a pixel here and there where the two round
 * a coordinate differently.
 */
class FastPageRendererTests {

    @TempDir
    Path dir;

    @Test
    void drawsTheSameInkAsPdfBoxOnAPlan() throws IOException {
        Path file = Sheets.write(dir.resolve("plan.pdf"), Sheets.Sheet.of("A-101", Sheets.PLAN)
                .plotted(Sheets.replot(3, 2, 1.002, 0.2, Sheets.TABLOID)));

        assertThat(disagreement(file, 0, 150)).isLessThan(0.01);
    }

    @Test
    void drawsTheSameInkAsPdfBoxOnEverySampleSheet() throws IOException {
        Path file = dir.resolve("clinic.pdf");
        new SampleSetGenerator().write(SampleSetGenerator.Revision.B, file);

        for (int page = 0; page < 6; page++) {
            assertThat(disagreement(file, page, 72)).as("page %d", page).isLessThan(0.01);
        }
    }

    @Test
    void fallsBackToPdfBoxForContentItDoesNotDraw() throws IOException {
        Path file = dir.resolve("shading.pdf");
        try (PDDocument doc = new PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                cs.appendRawCommands("BI /W 1 /H 1 /BPC 8 /CS /G ID \u0000 EI\n");
            }
            doc.save(file.toFile());
        }
        PdfSheet sheet = sheet(file, 0);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PdfRasterizer r = new PdfRasterizer(doc, sheet);
            GrayBand band = new GrayBand(new byte[100 * 100], 100, 0, 100);

            r.rasterize(new AffineTransform(), 9, band, false);

            assertThat(r.usedFastPath()).isFalse();
        }
    }

    /** Share of ink pixels (either renderer) that only one of them drew. */
    private static double disagreement(Path file, int page, double dpi) throws IOException {
        PdfSheet sheet = sheet(file, page);
        int w = (int) Math.ceil(sheet.widthPt() * dpi / 72);
        int h = (int) Math.ceil(sheet.heightPt() * dpi / 72);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PdfRasterizer fast = new PdfRasterizer(doc, sheet);
            GrayBand a = new GrayBand(new byte[w * h], w, 0, h);
            fast.rasterize(new AffineTransform(), dpi, a, false);
            assertThat(fast.usedFastPath()).isTrue();
            PdfRasterizer slow = new PdfRasterizer(doc, sheet);
            slow.usePdfBoxOnly();
            GrayBand b = new GrayBand(new byte[w * h], w, 0, h);
            slow.rasterize(new AffineTransform(), dpi, b, false);
            long ink = 0;
            long differ = 0;
            for (int i = 0; i < w * h; i++) {
                boolean x = (a.pixels()[i] & 0xFF) < 200;
                boolean y = (b.pixels()[i] & 0xFF) < 200;
                ink += x || y ? 1 : 0;
                differ += x != y ? 1 : 0;
            }
            return differ / (double) Math.max(1, ink);
        }
    }

    private static PdfSheet sheet(Path file, int page) {
        return (PdfSheet) new DrawingSetReader().read(file).sheets().get(page);
    }
}
