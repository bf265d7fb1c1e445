package com.buildtrace.share;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.clouds.CloudAudit;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;

/**
 * The first pages of the annotated PDF: the set summary, the colour legend, and the sheet index (every sheet
 * of the new set linking to its page, added ones marked, then the removed sheets), on landscape letter pages.
 */
final class SummaryPages {

    static final PDRectangle SIZE = new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());

    private static final PDFont SANS = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private static final float MARGIN = 40;

    private static final float ROW = 15;

    /** Where the index starts on the first page (below the summary) and on the others. */
    private static final float FIRST_TOP = 372;

    private static final float TOP = SIZE.getHeight() - MARGIN - 24;

    /** Column positions: page, sheet, title, status, regions, text, unclouded, empty clouds. */
    private static final float[] COLUMNS = {MARGIN, 80, 170, 470, 540, 600, 650, 712};

    private SummaryPages() {
    }

    /** One row of the index. */
    private record Row(PageComparison sheet, PDPage target, int ordinal) {
    }

    /**
     * Inserts the summary pages before the sheets.
     *
     * @param sheets the new set's sheets in page order
     * @param pages their copied pages (null where a page could not be copied)
     */
    static void insert(PDDocument out, SetComparison result, List<PageComparison> sheets, List<PDPage> pages)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        int ordinal = 0;
        for (int i = 0; i < sheets.size(); i++) {
            rows.add(new Row(sheets.get(i), pages.get(i), pages.get(i) == null ? -1 : ordinal++));
        }
        result.pages().stream().filter(p -> p.newPage() == null).forEach(p -> rows.add(new Row(p, null, -1)));
        int firstRows = (int) ((FIRST_TOP - MARGIN - ROW) / ROW);
        int otherRows = (int) ((TOP - MARGIN - ROW) / ROW);
        int count = 1 + Math.max(0, (int) Math.ceil((rows.size() - firstRows) / (double) otherRows));
        PDPage firstSheet = out.getNumberOfPages() > 0 ? out.getPage(0) : null;
        int next = 0;
        for (int k = 0; k < count; k++) {
            PDPage page = new PDPage(SIZE);
            if (firstSheet != null) {
                out.getPages().insertBefore(page, firstSheet);
            } else {
                out.addPage(page);
            }
            int capacity = k == 0 ? firstRows : otherRows;
            List<Row> slice = rows.subList(next, Math.min(rows.size(), next + capacity));
            try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
                float top = TOP;
                if (k == 0) {
                    summary(cs, result);
                    top = FIRST_TOP;
                } else {
                    text(cs, BOLD, 14, MARGIN, TOP + 8, "Sheet index (continued)");
                }
                table(cs, page, slice, top, count);
            }
            next += slice.size();
        }
    }

    private static void summary(PDPageContentStream cs, SetComparison r) throws IOException {
        float y = SIZE.getHeight() - MARGIN - 10;
        text(cs, BOLD, 20, MARGIN, y, "What changed");
        y -= 22;
        text(cs, SANS, 11, MARGIN, y, r.oldName() + "  ->  " + r.newName()
                + "   (markups by " + AnnotatedPdfWriter.AUTHOR + ")");
        y -= 26;
        int regions = r.pages().stream().mapToInt(p -> p.regions().size()).sum();
        int texts = r.pages().stream().mapToInt(p -> p.textChanges().size()).sum();
        text(cs, BOLD, 12, MARGIN, y, String.format(Locale.ROOT,
                "%d sheets: %d changed, %d unchanged, %d added, %d removed%s", r.pages().size(),
                r.count(PageStatus.CHANGED), r.count(PageStatus.UNCHANGED), r.count(PageStatus.ADDED),
                r.count(PageStatus.REMOVED), r.count(PageStatus.FAILED) > 0 ? ", " + r.count(PageStatus.FAILED)
                        + " could not be compared" : ""));
        y -= 17;
        text(cs, SANS, 11, MARGIN, y, String.format(Locale.ROOT, "%d change regions, %d text changes, each a cloud "
                + "markup on its sheet (open the comments list of your PDF viewer).", regions, texts));
        y -= 17;
        int unclouded = 0;
        int empty = 0;
        int clouds = 0;
        for (PageComparison p : r.pages()) {
            CloudAudit a = p.cloudAudit();
            if (a != null) {
                unclouded += a.uncloudedRegionIds().size();
                empty += a.emptyCloudIds().size();
                clouds += a.clouds().size();
            }
        }
        text(cs, SANS, 11, MARGIN, y, String.format(Locale.ROOT, "Revision-cloud audit: %d clouds found; %d changes "
                + "have no cloud around them, %d clouds surround no change.", clouds, unclouded, empty));
        y -= 30;
        legend(cs, y);
    }

    private static void legend(PDPageContentStream cs, float y) throws IOException {
        float x = MARGIN;
        String[] labels = {"added", "removed", "modified (replaced or moved)",
            "audit: unclouded change or empty cloud"};
        Color[] colors = {MarkupColors.ADDED, MarkupColors.REMOVED, MarkupColors.MODIFIED, MarkupColors.AUDIT};
        for (int i = 0; i < labels.length; i++) {
            cs.setNonStrokingColor(colors[i]);
            cs.addRect(x, y - 1, 14, 9);
            cs.fill();
            text(cs, SANS, 10, x + 19, y, labels[i]);
            x += 19 + SANS.getStringWidth(labels[i]) / 1000 * 10 + 22;
        }
    }

    private static void table(PDPageContentStream cs, PDPage page, List<Row> rows, float top, int summaryPages)
            throws IOException {
        String[] head = {"Page", "Sheet", "Title", "Status", "Regions", "Text", "No cloud", "Empty cloud"};
        for (int c = 0; c < head.length; c++) {
            text(cs, BOLD, 9, COLUMNS[c], top, head[c]);
        }
        cs.setStrokingColor(Color.GRAY);
        cs.moveTo(MARGIN, top - 4);
        cs.lineTo(SIZE.getWidth() - MARGIN, top - 4);
        cs.stroke();
        float y = top - ROW;
        for (Row row : rows) {
            PageComparison p = row.sheet();
            String pageNo = "";
            if (row.target() != null) {
                pageNo = String.valueOf(summaryPages + row.ordinal() + 1);
                link(page, row.target(), y);
            } else if (p.status() == PageStatus.REMOVED) {
                pageNo = "-";
            }
            CloudAudit a = p.cloudAudit();
            String status = p.status().json();
            String[] cells = {pageNo, p.label(), title(p), status, String.valueOf(p.regions().size()),
                String.valueOf(p.textChanges().size()), a == null ? "" : String.valueOf(a.uncloudedRegionIds().size()),
                a == null ? "" : String.valueOf(a.emptyCloudIds().size())};
            cs.setNonStrokingColor(switch (p.status()) {
                case ADDED -> MarkupColors.ADDED;
                case REMOVED, FAILED -> MarkupColors.REMOVED;
                case CHANGED -> MarkupColors.MODIFIED;
                case UNCHANGED -> Color.DARK_GRAY;
            });
            for (int c = 0; c < cells.length; c++) {
                float width = (c + 1 < COLUMNS.length ? COLUMNS[c + 1] : SIZE.getWidth() - MARGIN) - COLUMNS[c] - 6;
                text(cs, c == 1 ? BOLD : SANS, 9, COLUMNS[c], y, fit(cells[c], c == 1 ? BOLD : SANS, 9, width));
            }
            y -= ROW;
        }
    }

    /** A link over the row at baseline {@code y} to the sheet's page, fitted to the window. */
    private static void link(PDPage page, PDPage target, float y) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(MARGIN - 2, y - 4, SIZE.getWidth() - 2 * MARGIN + 4, ROW));
        PDBorderStyleDictionary none = new PDBorderStyleDictionary();
        none.setWidth(0);
        link.setBorderStyle(none);
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(target);
        PDActionGoTo goTo = new PDActionGoTo();
        goTo.setDestination(destination);
        link.setAction(goTo);
        page.getAnnotations().add(link);
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(encodable(font, s));
        cs.endText();
    }

    /** The text cut to fit the width, with an ellipsis. */
    private static String fit(String s, PDFont font, float size, float width) throws IOException {
        String t = encodable(font, s);
        if (font.getStringWidth(t) / 1000 * size <= width) {
            return t;
        }
        while (!t.isEmpty() && font.getStringWidth(t + "...") / 1000 * size > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    /** The text with every character the standard font cannot show replaced by '?'. */
    static String encodable(PDFont font, String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(c);
            } catch (IOException | IllegalArgumentException e) {
                sb.append(cp == '→' ? "->" : cp == '−' ? "-" : "?");
            }
        });
        return sb.toString();
    }

    static String title(PageComparison p) {
        String t = p.newSheet() != null ? p.newSheet().title() : null;
        if (t == null && p.oldSheet() != null) {
            t = p.oldSheet().title();
        }
        return t == null ? "" : t;
    }
}
