package com.buildtrace.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.CompareListener;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.testing.Poppler;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationPolygon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotated PDF of the bundled example set (examples/), opened with PDFBox and drawn by poppler. */
class ExampleAnnotatedPdfTests {

    @TempDir
    Path dir;

    @Test
    void everyChangeOfTheExampleSetIsACloudAndPopplerDrawsThem() throws Exception {
        // given
        Path examples = Path.of("..", "examples");
        SetComparison result = new SetComparator().compare(examples.resolve("clinic-rev-A.pdf"),
                examples.resolve("clinic-rev-B.pdf"), dir.resolve("out"), CompareOptions.defaults()
                        .withFullImages(false), CompareListener.NONE);

        // when
        Path pdf = dir.resolve(AnnotatedPdfWriter.FILE);
        new AnnotatedPdfWriter().write(result, pdf);

        // then: the summary page and the six sheets of revision B, each change a cloud on its sheet
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1 + 6);
            for (PageComparison p : result.pages()) {
                long clouds = doc.getPage(1 + p.newPage()).getAnnotations().stream()
                        .filter(PDAnnotationPolygon.class::isInstance).count();
                assertThat(clouds).as(p.label()).isEqualTo(p.regions().size());
            }
        }
        BufferedImage summary = Poppler.render(pdf, 1, 50, dir.resolve("summary"));
        assertThat(Poppler.count(summary, new com.buildtrace.compare.geom.Box(0, 0, summary.getWidth(),
                summary.getHeight()), MarkupColors.MODIFIED)).as("purple rows of changed sheets").isGreaterThan(50);
        PageComparison a101 = result.pages().stream().filter(p -> p.label().equals("A-101")).findFirst().orElseThrow();
        BufferedImage sheet = Poppler.render(pdf, 2 + a101.newPage(), 72, dir.resolve("a101"));
        for (ChangeRegion r : a101.regions()) {
            Color expected = MarkupColors.of(r.kind());
            assertThat(Poppler.count(sheet, r.box().grow(6), expected)).as("%s %s", r.id(), r.kind()).isPositive();
        }
    }
}
