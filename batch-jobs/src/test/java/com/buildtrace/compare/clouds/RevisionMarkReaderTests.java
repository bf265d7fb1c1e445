package com.buildtrace.compare.clouds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.source.DrawingSet;
import com.buildtrace.compare.source.DrawingSetReader;
import com.buildtrace.compare.source.ImageSheet;
import com.buildtrace.compare.source.PdfDocumentPool;
import com.buildtrace.compare.source.PdfSheet;
import com.buildtrace.fixtures.CloudedSheets;
import com.buildtrace.fixtures.Sheets;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revision clouds and delta tags read from generated sheets: vector (one path, arc by arc, rotated) and raster. */
class RevisionMarkReaderTests {

    @TempDir
    Path dir;

    private final RevisionMarkReader reader = new RevisionMarkReader();

    @Test
    void findsACloudDrawnAsOnePathAndOneDrawnArcByArcWithTheDeltaRevision() throws IOException {
        // given: the marked-up revision on a plain page
        Path file = Sheets.write(dir.resolve("b.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.NEW));

        // when
        RevisionMarks marks = read(file, 0);

        // then: two clouds in reading order, each around its rectangle (the scallops bulge up to ~9 pt out)
        assertThat(marks.clouds()).hasSize(2);
        RevisionCloud c1 = marks.clouds().get(0);
        assertAround(c1.box(), CloudedSheets.CLOUDED);
        assertThat(c1.id()).isEqualTo("c1");
        assertThat(c1.scallops()).isEqualTo(2 * (14 + 6));
        assertThat(c1.scallopPt()).isCloseTo(200.0 / 14, within(0.8));
        assertThat(c1.revision()).isEqualTo("2");
        RevisionCloud c2 = marks.clouds().get(1);
        assertAround(c2.box(), CloudedSheets.EMPTY);
        assertThat(c2.scallops()).isEqualTo(2 * (10 + 5));
        assertThat(c2.revision()).isNull();
        assertThat(marks.deltas()).singleElement().satisfies(d -> {
            assertThat(d.revision()).isEqualTo("2");
            assertThat(d.box().centerX()).isCloseTo(410, within(0.5));
            assertThat(d.box().width()).isCloseTo(18, within(0.5));
        });
    }

    @Test
    void readsTheSameDisplayedBoxesOnARotatedPageWhoseBoxesDoNotStartAtTheOrigin() throws IOException {
        // given: the same sheet twice, the second on a /Rotate 90 page with its boxes moved to (100, 50)
        Path file = CloudedSheets.writeSet(dir.resolve("set.pdf"), CloudedSheets.NEW, CloudedSheets.NEW);

        // when
        RevisionMarks plain = read(file, 0);
        RevisionMarks turned = read(file, 1);

        // then
        assertThat(turned.clouds()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Box a = plain.clouds().get(i).box();
            Box b = turned.clouds().get(i).box();
            assertThat(b.x()).isCloseTo(a.x(), within(0.5));
            assertThat(b.y()).isCloseTo(a.y(), within(0.5));
            assertThat(b.width()).isCloseTo(a.width(), within(0.5));
            assertThat(b.height()).isCloseTo(a.height(), within(0.5));
        }
        assertThat(turned.deltas()).extracting(DeltaTag::revision).containsExactly("2");
    }

    @Test
    void roomsCirclesDoorSwingsAndDimensionsAreNotClouds() throws IOException {
        Path file = Sheets.write(dir.resolve("a.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.OLD));

        RevisionMarks marks = read(file, 0);

        assertThat(marks.clouds()).isEmpty();
        assertThat(marks.deltas()).isEmpty();
    }

    @Test
    void findsARedCloudOnAScanOverBlackLineWork() throws IOException {
        // given: a 150 dpi scan with walls in black and a red cloud of 0.25 in scallops crossing one of them
        BufferedImage img = new BufferedImage(1500, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1500, 1000);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawRect(100, 100, 1300, 800);
        g.drawLine(100, 500, 1400, 500);
        g.setColor(new Color(220, 30, 40));
        g.setStroke(new BasicStroke(3));
        cloud(g, 400, 380, 420, 240, 40);
        g.dispose();
        Path png = dir.resolve("scan.png");
        ImageIO.write(img, "png", png.toFile());
        ImageSheet sheet = new ImageSheet(png, 0, 1500, 1000, 150, null);

        // when
        RevisionMarks marks = reader.read(sheet);

        // then: one cloud, around the rectangle in points (150 dpi: 0.48 pt per pixel)
        double pt = 72.0 / 150;
        assertThat(marks.clouds()).singleElement().satisfies(c -> {
            assertThat(c.box().x()).isCloseTo((400 - 12) * pt, within(8.0));
            assertThat(c.box().y()).isCloseTo((380 - 12) * pt, within(8.0));
            assertThat(c.box().width()).isCloseTo((420 + 24) * pt, within(12.0));
            assertThat(c.box().height()).isCloseTo((240 + 24) * pt, within(12.0));
            assertThat(c.scallops()).isBetween(28, 34);
        });
    }

    /** Semicircular scallops of about {@code s} pixels around a rectangle, bulging out. */
    private static void cloud(Graphics2D g, int x, int y, int w, int h, int s) {
        int nx = w / s;
        int ny = h / s;
        double sx = w / (double) nx;
        double sy = h / (double) ny;
        for (int i = 0; i < nx; i++) {
            g.draw(new Arc2D.Double(x + i * sx, y - sx / 2, sx, sx, 0, 180, Arc2D.OPEN));
            g.draw(new Arc2D.Double(x + i * sx, y + h - sx / 2, sx, sx, 180, 180, Arc2D.OPEN));
        }
        for (int j = 0; j < ny; j++) {
            g.draw(new Arc2D.Double(x - sy / 2, y + j * sy, sy, sy, 90, 180, Arc2D.OPEN));
            g.draw(new Arc2D.Double(x + w - sy / 2, y + j * sy, sy, sy, 270, 180, Arc2D.OPEN));
        }
    }

    private static void assertAround(Box found, Box drawn) {
        assertThat(found.x()).isBetween(drawn.x() - 10, drawn.x() + 0.5);
        assertThat(found.y()).isBetween(drawn.y() - 10, drawn.y() + 0.5);
        assertThat(found.right()).isBetween(drawn.right() - 0.5, drawn.right() + 10);
        assertThat(found.bottom()).isBetween(drawn.bottom() - 0.5, drawn.bottom() + 10);
    }

    private RevisionMarks read(Path file, int page) throws IOException {
        DrawingSet set = new DrawingSetReader().read(file, new PdfDocumentPool());
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return reader.read(doc, (PdfSheet) set.sheets().get(page));
        }
    }

}
