package com.buildtrace.samples;

import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws the example drawing set: a small clinic on ARCH D sheets (36 x 24 in), issued for permit (revision A)
 * and re-issued as Addendum 1 (revision B). Revision B re-orders the sheets, adds a details sheet, moves a
 * door, changes a dimension, renames a room, adds a keynote and a window, revises the footing schedule and
 * re-plots the elevations sheet slightly shifted and scaled; the power plan does not change.
 */
public final class SampleSetGenerator {

    /** ARCH D, landscape. */
    public static final PDRectangle ARCH_D = new PDRectangle(36 * 72, 24 * 72);

    /** The re-plot applied to the elevations sheet in revision B (displayed points). */
    public static final AffineTransform ELEVATION_REPLOT = replot();

    /** Which issue of the set. */
    public enum Revision { A, B }

    /** The example set's two revisions as written into a folder. */
    public record Example(Path revA, Path revB) {
    }

    /** Writes both revisions into a folder, as clinic-rev-A.pdf and clinic-rev-B.pdf. */
    public Example writeBoth(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        Example e = new Example(dir.resolve("clinic-rev-A.pdf"), dir.resolve("clinic-rev-B.pdf"));
        write(Revision.A, e.revA());
        write(Revision.B, e.revB());
        return e;
    }

    /** Writes one revision of the set. */
    public void write(Revision rev, Path file) throws IOException {
        List<String> order = rev == Revision.A
                ? List.of("A-001", "A-101", "A-201", "S-101", "E-101")
                : List.of("A-001", "S-101", "A-101", "E-101", "A-201", "A-501");
        try (PDDocument doc = new PDDocument()) {
            for (String number : order) {
                PDPage page = new PDPage(ARCH_D);
                doc.addPage(page);
                AffineTransform plot = rev == Revision.B && number.equals("A-201") ? ELEVATION_REPLOT : null;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    SheetCanvas c = new SheetCanvas(cs, ARCH_D.getHeight(), plot);
                    drawSheet(c, number, rev);
                }
            }
            stamp(doc, "BuildTrace sample set, revision " + rev);
            doc.save(file.toFile());
        }
    }

    private static AffineTransform replot() {
        double cx = ARCH_D.getWidth() / 2;
        double cy = ARCH_D.getHeight() / 2;
        AffineTransform t = AffineTransform.getTranslateInstance(-2.0, 1.5);
        t.translate(cx, cy);
        t.scale(1.001, 1.001);
        t.translate(-cx, -cy);
        return t;
    }

    /** Fixed metadata and document id, so that the same set is written byte for byte. */
    public static void stamp(PDDocument doc, String title) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setProducer("BuildTrace sample generator");
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.clear();
        date.set(2026, Calendar.JANUARY, 15, 9, 0, 0);
        info.setCreationDate(date);
        info.setModificationDate(date);
        COSArray id = new COSArray();
        id.add(new COSString(title.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        id.add(new COSString(title.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        doc.getDocument().getTrailer().setItem(COSName.ID, id);
        doc.setDocumentId(1L);
    }

    private static void drawSheet(SheetCanvas c, String number, Revision rev) throws IOException {
        boolean revised = rev == Revision.B && !number.equals("E-101");
        switch (number) {
            case "A-001" -> cover(c, rev);
            case "A-101" -> floorPlan(c, rev);
            case "A-201" -> elevations(c, rev);
            case "S-101" -> foundation(c, rev);
            case "E-101" -> power(c);
            case "A-501" -> details(c);
            default -> throw new IllegalArgumentException("no such sheet " + number);
        }
        titleBlock(c, number, TITLES.get(number), revised || number.equals("A-501"));
    }

    private static final java.util.Map<String, String> TITLES = java.util.Map.of(
            "A-001", "COVER SHEET AND SHEET INDEX",
            "A-101", "FLOOR PLAN - LEVEL 1",
            "A-201", "EXTERIOR ELEVATIONS",
            "S-101", "FOUNDATION PLAN",
            "E-101", "POWER PLAN - LEVEL 1",
            "A-501", "WALL SECTIONS AND DETAILS");

    /** Border and title block along the right edge. */
    static void titleBlock(SheetCanvas c, String number, String title, boolean revised) throws IOException {
        double w = ARCH_D.getWidth();
        double h = ARCH_D.getHeight();
        c.rect(36, 36, w - 72, h - 72, 2);
        double x = w - 36 - 252;
        c.line(x, 36, x, h - 36, 2);
        c.bold(x + 14, 70, "NORTHLINE ARCHITECTS", 14);
        c.text(x + 14, 86, "410 HARBOR STREET, SUITE 5", 8);
        c.text(x + 14, 97, "PORTLAND, OR 97204", 8);
        c.line(x, 120, w - 36, 120, 1);
        c.text(x + 14, 140, "PROJECT", 7);
        c.bold(x + 14, 158, "RIVERSIDE COMMUNITY CLINIC", 12);
        c.text(x + 14, 172, "1200 RIVER ROAD, SPRINGFIELD", 8);
        c.line(x, 190, w - 36, 190, 1);
        c.text(x + 14, 208, "REV", 7);
        c.text(x + 44, 208, "DESCRIPTION", 7);
        c.text(x + 184, 208, "DATE", 7);
        c.line(x + 10, 214, w - 46, 214, 0.5);
        c.text(x + 14, 228, "0", 8);
        c.text(x + 44, 228, "ISSUED FOR PERMIT", 8);
        c.text(x + 184, 228, "2026-01-15", 8);
        if (revised) {
            c.text(x + 14, 242, "1", 8);
            c.text(x + 44, 242, "ADDENDUM 1", 8);
            c.text(x + 184, 242, "2026-03-02", 8);
        }
        c.line(x, h - 300, w - 36, h - 300, 1);
        c.text(x + 14, h - 282, "ISSUE DATE", 7);
        c.text(x + 110, h - 282, revised ? "2026-03-02" : "2026-01-15", 9);
        c.text(x + 14, h - 262, "PROJECT NO.", 7);
        c.text(x + 110, h - 262, "2025-118", 9);
        c.line(x, h - 240, w - 36, h - 240, 1);
        c.text(x + 14, h - 222, "SHEET TITLE", 7);
        c.bold(x + 14, h - 196, title, 13);
        c.line(x, h - 150, w - 36, h - 150, 1);
        c.text(x + 14, h - 132, "SHEET NUMBER", 7);
        c.bold(x + 14, h - 70, number, 44);
    }

    private static void cover(SheetCanvas c, Revision rev) throws IOException {
        c.bold(200, 260, "RIVERSIDE COMMUNITY CLINIC", 48);
        c.text(200, 310, "1200 RIVER ROAD, SPRINGFIELD", 20);
        c.text(200, 340, rev == Revision.A ? "ISSUED FOR PERMIT - 2026-01-15" : "ADDENDUM 1 - 2026-03-02", 16);
        c.bold(200, 460, "SHEET INDEX", 16);
        List<String[]> rows = new ArrayList<>(List.of(
                new String[] {"A-001", "COVER SHEET AND SHEET INDEX"},
                new String[] {"A-101", "FLOOR PLAN - LEVEL 1"},
                new String[] {"A-201", "EXTERIOR ELEVATIONS"},
                new String[] {"S-101", "FOUNDATION PLAN"},
                new String[] {"E-101", "POWER PLAN - LEVEL 1"}));
        if (rev == Revision.B) {
            rows.add(new String[] {"A-501", "WALL SECTIONS AND DETAILS"});
        }
        double y = 490;
        for (String[] r : rows) {
            c.text(200, y, r[0], 11);
            c.text(280, y, r[1], 11);
            y += 20;
        }
        c.bold(1000, 460, "GENERAL NOTES", 16);
        String[] notes = {
            "1. ALL WORK SHALL COMPLY WITH THE 2024 INTERNATIONAL BUILDING CODE.",
            "2. DO NOT SCALE DRAWINGS. WRITTEN DIMENSIONS GOVERN.",
            "3. CONTRACTOR SHALL VERIFY ALL DIMENSIONS AND CONDITIONS IN FIELD.",
            "4. DIMENSIONS ARE TO FACE OF STUD UNLESS NOTED OTHERWISE.",
        };
        y = 490;
        for (String n : notes) {
            c.text(1000, y, n, 11);
            y += 20;
        }
        c.rect(200, 700, 900, 520, 1);
        c.text(220, 730, "VICINITY MAP", 11);
        for (int i = 0; i < 8; i++) {
            c.line(220, 760 + i * 55, 1080, 760 + i * 55, 0.6);
            c.line(260 + i * 110, 750, 260 + i * 110, 1200, 0.6);
        }
        c.fillRect(590, 920, 120, 70, 0.6f);
        c.text(600, 1010, "PROJECT SITE", 10);
    }

    /** Plan origin and module: a 96 ft x 48 ft building at 1/4 in = 1 ft (18 pt per foot). */
    static final double PX = 300;
    static final double PY = 420;
    static final double FT = 18;

    private static void grid(SheetCanvas c) throws IOException {
        String[] cols = {"1", "2", "3", "4", "5"};
        for (int i = 0; i < cols.length; i++) {
            double x = PX + i * 24 * FT;
            c.line(x, PY - 90, x, PY + 48 * FT + 40, 0.3);
            c.gridBubble(x, PY - 102, cols[i]);
        }
        String[] rows = {"A", "B", "C"};
        for (int j = 0; j < rows.length; j++) {
            double y = PY + j * 24 * FT;
            c.line(PX - 90, y, PX + 96 * FT + 40, y, 0.3);
            c.gridBubble(PX - 102, y, rows[j]);
        }
    }

    private static void exteriorWalls(SheetCanvas c) throws IOException {
        double x1 = PX + 96 * FT;
        double y1 = PY + 48 * FT;
        c.wall(PX, PY, x1, PY, 12);
        c.wall(PX, y1, x1, y1, 12);
        c.wall(PX, PY, PX, y1, 12);
        c.wall(x1, PY, x1, y1, 12);
    }

    private static void floorPlan(SheetCanvas c, Revision rev) throws IOException {
        boolean b = rev == Revision.B;
        grid(c);
        exteriorWalls(c);
        // corridor wall and partitions
        c.wall(PX, PY + 24 * FT, PX + 96 * FT, PY + 24 * FT, 6);
        for (int i = 1; i < 4; i++) {
            c.wall(PX + i * 24 * FT, PY, PX + i * 24 * FT, PY + 24 * FT, 6);
        }
        c.wall(PX + 60 * FT, PY + 24 * FT, PX + 60 * FT, PY + 48 * FT, 6);
        // doors from the corridor (y = 24 ft) into the rooms
        c.door(PX + 8 * FT, PY + 24 * FT, 3 * FT, 6);
        c.door(PX + 32 * FT, PY + 24 * FT, 3 * FT, 6);
        c.door(PX + (b ? 59 : 56) * FT, PY + 24 * FT, 3 * FT, 6);   // exam 103 door moved 3 ft east
        c.door(PX + 80 * FT, PY + 24 * FT, 3 * FT, 6);
        c.door(PX + 2 * FT, PY + 48 * FT, 6 * FT, 12);
        String[][] rooms = {
            {"WAITING", "101"}, {"EXAM", "102"}, {"EXAM", "103"}, {"OFFICE", "104"}};
        for (int i = 0; i < rooms.length; i++) {
            double cx = PX + (i * 24 + 12) * FT;
            c.centered(cx, PY + 11 * FT, rooms[i][0], 14);
            c.centered(cx, PY + 11 * FT + 18, rooms[i][1], 11);
        }
        c.centered(PX + 30 * FT, PY + 37 * FT, "CORRIDOR", 14);
        c.centered(PX + 30 * FT, PY + 37 * FT + 18, "107", 11);
        c.centered(PX + 78 * FT, PY + 37 * FT, b ? "JANITOR" : "STORAGE", 14);
        c.centered(PX + 78 * FT, PY + 37 * FT + 18, "106", 11);
        // dimensions
        double dy = PY - 40;
        c.dimension(PX, PX + 96 * FT, dy - 30, "96'-0\"");
        c.dimension(PX, PX + 24 * FT, dy, "24'-0\"");
        c.dimension(PX + 24 * FT, PX + 48 * FT, dy, "24'-0\"");
        c.dimension(PX + 48 * FT, PX + 72 * FT, dy, b ? "26'-0\"" : "24'-0\"");
        c.dimension(PX + 72 * FT, PX + 96 * FT, dy, "24'-0\"");
        // keynotes
        double nx = PX + 96 * FT + 120;
        c.bold(nx, PY, "KEYNOTES", 12);
        c.text(nx, PY + 20, "1. PROVIDE FIRE EXTINGUISHER CABINET.", 9);
        c.text(nx, PY + 34, "2. ALIGN FINISH FACE OF WALLS.", 9);
        if (b) {
            c.text(nx, PY + 48, "3. VERIFY EXISTING SLAB ELEVATION IN FIELD.", 9);
            c.circle(PX + 90 * FT, PY + 44 * FT, 7, 0.6);
            c.centered(PX + 90 * FT, PY + 44 * FT + 3, "3", 8);
        }
        c.text(PX, PY + 48 * FT + 90, "FLOOR PLAN - LEVEL 1", 16);
        c.text(PX, PY + 48 * FT + 108, "SCALE: 1/4\" = 1'-0\"", 9);
    }

    private static void elevations(SheetCanvas c, Revision rev) throws IOException {
        for (int e = 0; e < 2; e++) {
            double base = 700 + e * 650;
            double x0 = PX;
            double x1 = PX + 96 * FT;
            c.line(x0 - 60, base, x1 + 60, base, 2.5);
            c.rect(x0, base - 14 * FT, 96 * FT, 14 * FT, 1.5);
            c.line(x0 - 20, base - 14 * FT, x1 + 20, base - 14 * FT - 30, 1.5);
            int windows = e == 0 && rev == Revision.B ? 6 : 5;
            for (int i = 0; i < windows; i++) {
                double wx = x0 + (8 + i * 16) * FT;
                c.rect(wx, base - 10 * FT, 5 * FT, 6 * FT, 1);
                c.line(wx + 2.5 * FT, base - 10 * FT, wx + 2.5 * FT, base - 4 * FT, 0.5);
            }
            c.text(x1 + 80, base + 4, "LEVEL 1  0'-0\"", 9);
            c.text(x1 + 80, base - 14 * FT + 4, "ROOF BEARING  14'-0\"", 9);
            c.text(x0, base + 40, e == 0 ? "SOUTH ELEVATION" : "NORTH ELEVATION", 16);
            c.text(x0, base + 58, "SCALE: 1/4\" = 1'-0\"", 9);
        }
    }

    private static void foundation(SheetCanvas c, Revision rev) throws IOException {
        boolean b = rev == Revision.B;
        grid(c);
        double x1 = PX + 96 * FT;
        double y1 = PY + 48 * FT;
        c.rect(PX - 9, PY - 9, 96 * FT + 18, 48 * FT + 18, 1);
        c.rect(PX + 9, PY + 9, 96 * FT - 18, 48 * FT - 18, 0.5);
        for (int i = 0; i <= 4; i++) {
            for (int j = 0; j <= 2; j++) {
                double x = PX + i * 24 * FT;
                double y = PY + j * 24 * FT;
                double half = (b ? 3.5 : 3) * FT / 2;
                c.rect(x - half, y - half, 2 * half, 2 * half, 0.8);
                c.text(x + half + 4, y - half - 2, "F1", 8);
            }
        }
        if (b) {
            double x = PX + 60 * FT;
            double y = PY + 36 * FT;
            c.rect(x - 18, y - 18, 36, 36, 0.8);
            c.text(x + 22, y - 20, "P1", 8);
        }
        double sx = x1 + 120;
        c.bold(sx, PY, "FOOTING SCHEDULE", 12);
        c.text(sx, PY + 22, "MARK", 8);
        c.text(sx + 50, PY + 22, "SIZE", 8);
        c.text(sx + 170, PY + 22, "REINFORCING", 8);
        c.text(sx, PY + 40, "F1", 9);
        c.text(sx + 50, PY + 40, b ? "3'-6\" x 3'-6\" x 1'-0\"" : "3'-0\" x 3'-0\" x 1'-0\"", 9);
        c.text(sx + 170, PY + 40, "(4) #5 E.W.", 9);
        if (b) {
            c.text(sx, PY + 56, "P1", 9);
            c.text(sx + 50, PY + 56, "2'-0\" x 2'-0\" PIER", 9);
            c.text(sx + 170, PY + 56, "(4) #5 VERT.", 9);
        }
        c.text(PX, y1 + 90, "FOUNDATION PLAN", 16);
        c.text(PX, y1 + 108, "SCALE: 1/4\" = 1'-0\"", 9);
    }

    private static void power(SheetCanvas c) throws IOException {
        grid(c);
        exteriorWalls(c);
        c.wall(PX, PY + 24 * FT, PX + 96 * FT, PY + 24 * FT, 6);
        int circuit = 1;
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                double x = PX + (i * 24 + 4 + k * 8) * FT;
                double y = PY + 10;
                c.circle(x, y + 8, 6, 0.7);
                c.line(x - 6, y + 8, x + 6, y + 8, 0.7);
                c.text(x - 8, y + 26, "E-" + circuit, 7);
                circuit++;
            }
        }
        c.text(PX, PY + 48 * FT + 90, "POWER PLAN - LEVEL 1", 16);
        c.text(PX, PY + 48 * FT + 108, "SCALE: 1/4\" = 1'-0\"", 9);
    }

    private static void details(SheetCanvas c) throws IOException {
        for (int d = 0; d < 3; d++) {
            double x = 200 + d * 650;
            c.rect(x, 300, 560, 900, 1);
            c.line(x + 200, 340, x + 200, 1150, 3);
            c.line(x + 230, 340, x + 230, 1150, 3);
            for (int k = 0; k < 12; k++) {
                c.line(x + 200, 360 + k * 65, x + 230, 390 + k * 65, 0.4);
            }
            c.line(x + 120, 1150, x + 320, 1150, 2);
            c.text(x + 260, 500, "5/8\" GYP. BD.", 9);
            c.text(x + 260, 520, "2x6 STUDS @ 16\" O.C.", 9);
            c.text(x + 260, 540, "R-21 BATT INSULATION", 9);
            c.text(x, 1240, (d + 1) + "  WALL SECTION " + (char) ('A' + d), 14);
            c.text(x, 1258, "SCALE: 1\" = 1'-0\"", 9);
        }
    }
}
