package com.buildtrace.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.buildtrace.compare.CompareListener;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.diff.ChangeKind;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.source.PdfPages;
import com.buildtrace.fixtures.CloudedSheets;
import com.buildtrace.fixtures.Drawing;
import com.buildtrace.fixtures.Sheets;
import com.buildtrace.testing.Poppler;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationPolygon;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotated PDF of a generated revision: a plain sheet, the same sheet on a /Rotate 90 page whose boxes
 * start at (100, 50), an added and a removed sheet. Checked as a PDF reader sees it (PDFBox) and as a viewer
 * draws it (poppler's pdftoppm).
 */
class AnnotatedPdfWriterTests {

    @TempDir
    static Path dir;

    private static SetComparison result;

    private static Path pdf;

    @BeforeAll
    static void compareAndWrite() throws IOException {
        Drawing blank = Drawing.NONE;
        Path oldFile = Sheets.write(dir.resolve("rev-1.pdf"), List.of(Sheets.Sheet.of("A-101", CloudedSheets.OLD),
                Sheets.Sheet.of("A-102", CloudedSheets.OLD).rotated(90), Sheets.Sheet.of("G-001", blank)));
        Path newFile = Sheets.write(dir.resolve("rev-2.pdf"), List.of(Sheets.Sheet.of("A-101", CloudedSheets.NEW),
                Sheets.Sheet.of("A-102", CloudedSheets.NEW).rotated(90), Sheets.Sheet.of("A-501", Sheets.PLAN_NO_TEXT)));
        CloudedSheets.moveOrigin(oldFile, 1, 100, 50);
        CloudedSheets.moveOrigin(newFile, 1, 100, 50);
        result = new SetComparator().compare(oldFile, newFile, dir.resolve("out"),
                CompareOptions.defaults().withFullImages(false), CompareListener.NONE);
        pdf = dir.resolve("out").resolve(AnnotatedPdfWriter.FILE);
        new AnnotatedPdfWriter().write(result, pdf);
    }

    @Test
    void everyChangeRegionIsACloudPolygonOnItsSheetsPageWithinAPointOfTheRegion() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // one summary page, then the new set's three sheets in its order
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            for (String sheet : List.of("A-101", "A-102")) {
                PageComparison p = sheet(sheet);
                PDPage page = doc.getPage(1 + p.newPage());
                List<PDAnnotationPolygon> clouds = page.getAnnotations().stream()
                        .filter(PDAnnotationPolygon.class::isInstance).map(PDAnnotationPolygon.class::cast).toList();
                assertThat(p.regions()).hasSizeGreaterThanOrEqualTo(4);
                assertThat(clouds).hasSize(p.regions().size());
                for (int i = 0; i < clouds.size(); i++) {
                    PDAnnotationPolygon cloud = clouds.get(i);
                    ChangeRegion region = p.regions().get(i);
                    COSDictionary d = cloud.getCOSObject();
                    assertThat(d.getNameAsString(COSName.SUBTYPE)).isEqualTo("Polygon");
                    assertThat(d.getNameAsString(COSName.IT)).isEqualTo("PolygonCloud");
                    COSDictionary be = d.getCOSDictionary(COSName.BE);
                    assertThat(be.getNameAsString(COSName.S)).isEqualTo("C");
                    assertThat(be.getFloat(COSName.I)).isEqualTo(1f);
                    assertThat(cloud.getTitlePopup()).isEqualTo("BuildTrace");
                    assertThat(cloud.getSubject()).isEqualTo("Change: " + region.kind().json());
                    assertThat(cloud.getCreationDate()).isNotNull();
                    assertThat(cloud.getContents()).startsWith(ChangeTexts.describe(region));
                    assertThat(cloud.getColor().toRGB()).isEqualTo(MarkupColors.of(region.kind()).getRGB() & 0xFFFFFF);
                    assertThat(cloud.getAppearance().getNormalAppearance()).isNotNull();
                    Box shown = displayed(page, cloud.getVertices());
                    assertThat(shown.x()).isCloseTo(region.box().x(), within(1.0));
                    assertThat(shown.y()).isCloseTo(region.box().y(), within(1.0));
                    assertThat(shown.right()).isCloseTo(region.box().right(), within(1.0));
                    assertThat(shown.bottom()).isCloseTo(region.box().bottom(), within(1.0));
                }
                assertThat(clouds).anySatisfy(c -> assertThat(c.getContents()).contains("Text: + NEW CASEWORK"));
            }
            PDPage turned = doc.getPage(1 + sheet("A-102").newPage());
            assertThat(turned.getRotation()).isEqualTo(90);
            assertThat(turned.getCropBox().getLowerLeftX()).isEqualTo(100f);
            assertThat(turned.getCropBox().getLowerLeftY()).isEqualTo(50f);
        }
    }

    @Test
    void theAuditFindingsAreOrangeMarkupsAndTheAddedSheetIsMarked() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PageComparison p = sheet("A-101");
            List<PDAnnotationSquare> squares = squares(doc.getPage(1 + p.newPage()));
            assertThat(squares).extracting(PDAnnotationSquare::getSubject)
                    .containsExactlyInAnyOrder("Unclouded change", "Cloud without change");
            assertThat(squares).allSatisfy(s -> assertThat(s.getColor().toRGB())
                    .isEqualTo(MarkupColors.AUDIT.getRGB() & 0xFFFFFF));
            String unclouded = p.cloudAudit().uncloudedRegionIds().get(0);
            assertThat(squares).anySatisfy(s -> assertThat(s.getContents()).startsWith(unclouded + ": "));
            PageComparison added = sheet("A-501");
            assertThat(added.status()).isEqualTo(PageStatus.ADDED);
            assertThat(squares(doc.getPage(1 + added.newPage()))).extracting(PDAnnotationSquare::getSubject)
                    .containsExactly("Added sheet");
        }
    }

    @Test
    void theFirstPageSummarisesTheSetAndLinksEverySheetToItsPage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage first = doc.getPage(0);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String text = stripper.getText(doc);
            assertThat(text).contains("What changed", result.pages().size() + " sheets:",
                    "A-101", "A-102", "A-501", "added", "G-001", "removed");
            List<PDPage> targets = first.getAnnotations().stream().filter(PDAnnotationLink.class::isInstance)
                    .map(a -> (PDAnnotationLink) a).map(l -> {
                        try {
                            return ((PDPageDestination) ((PDActionGoTo) l.getAction()).getDestination()).getPage();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
            assertThat(targets).containsExactly(doc.getPage(1), doc.getPage(2), doc.getPage(3));
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children()).hasSize(4);
        }
    }

    @Test
    void popplerDrawsTheCloudsWhereTheRegionsAreAndNowhereElse() throws Exception {
        for (String sheet : List.of("A-101", "A-102")) {
            // given: the sheet's page drawn by pdftoppm at 72 dpi, so that a pixel is a displayed point
            PageComparison p = sheet(sheet);
            BufferedImage image = Poppler.render(pdf, 2 + p.newPage(), 72, dir.resolve(sheet));
            assertThat(image.getWidth()).isEqualTo((int) Math.round(p.newSize()[0]));

            // then: the blue of an added region appears at each added region; the empty cloud's orange box
            // around it; and no markup colour anywhere else
            Box empty = p.cloudAudit().clouds().get(1).box().grow(8);
            for (ChangeRegion r : p.regions()) {
                if (r.kind() == ChangeKind.ADDED) {
                    assertThat(Poppler.count(image, r.box().grow(6), MarkupColors.ADDED))
                            .as("blue cloud pixels at %s on %s", r.id(), sheet).isGreaterThan(10);
                }
            }
            assertThat(Poppler.count(image, empty, MarkupColors.AUDIT)).isGreaterThan(50);
            List<Box> allowed = new java.util.ArrayList<>(p.regions().stream().map(r -> r.box().grow(14)).toList());
            allowed.add(empty);
            int stray = 0;
            StringBuilder where = new StringBuilder();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    if ((Poppler.matches(rgb, MarkupColors.ADDED) || Poppler.matches(rgb, MarkupColors.AUDIT)
                            || Poppler.matches(rgb, MarkupColors.MODIFIED)) && !inside(allowed, x, y)) {
                        if (stray++ < 5) {
                            where.append(x).append(",").append(y).append("=").append(Integer.toHexString(rgb)).append(" ");
                        }
                    }
                }
            }
            assertThat(stray).as("markup pixels away from the regions on %s, at %s; regions %s", sheet, where,
                    p.regions()).isZero();
        }
    }

    private static boolean inside(List<Box> boxes, int x, int y) {
        return boxes.stream().anyMatch(b -> x >= b.x() && x <= b.right() && y >= b.y() && y <= b.bottom());
    }

    private static List<PDAnnotationSquare> squares(PDPage page) throws IOException {
        return page.getAnnotations().stream().filter(PDAnnotationSquare.class::isInstance)
                .map(PDAnnotationSquare.class::cast).toList();
    }

    /** The box around polygon vertices (user space), in the page's displayed points. */
    private static Box displayed(PDPage page, float[] vertices) {
        AffineTransform toDisplay = PdfPages.userToDisplay(page);
        double[] xy = new double[vertices.length];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = vertices[i];
        }
        toDisplay.transform(xy, 0, xy, 0, xy.length / 2);
        return Box.around(xy);
    }

    private static PageComparison sheet(String label) {
        return result.pages().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }
}
