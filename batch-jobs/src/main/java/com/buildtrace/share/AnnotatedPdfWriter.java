package com.buildtrace.share;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.clouds.CloudAudit;
import com.buildtrace.compare.clouds.RevisionCloud;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.geom.Transforms;
import com.buildtrace.compare.source.PdfPages;
import com.buildtrace.report.HtmlReportWriter;
import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationMarkup;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationPolygon;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderEffectDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Writes {@code annotated.pdf}: the NEW set with every change region as a cloud markup that Acrobat, Bluebeam
 * and other PDF viewers list, move and reply to (a {@code /Polygon} annotation with {@code /IT /PolygonCloud}
 * and a cloudy border, coloured by kind, the description and the text changes in its contents, author
 * "BuildTrace"), the cloud audit's findings in orange, and first the set summary with a sheet index that
 * links to every sheet. Sheet pages are copied from the new PDF as they are (vector content untouched);
 * scanned sheets are embedded as images. The new set is read from its file once, with its streams cached in
 * temporary files rather than memory, and pages are copied one at a time.
 */
public final class AnnotatedPdfWriter {

    /** The file's name in a comparison's folder. */
    public static final String FILE = "annotated.pdf";

    /** Author of every markup. */
    public static final String AUTHOR = "BuildTrace";

    /** Line width of the markups, in points. */
    static final float LINE_WIDTH = 1.5f;

    /** How far outside a change region its audit box is drawn (clear of the cloud's scallops), in points. */
    static final double AUDIT_PAD = 9;

    /**
     * Writes the annotated new set.
     *
     * @param result the comparison
     * @param target the PDF to write (replaced atomically)
     */
    public void write(SetComparison result, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        List<PageComparison> sheets = result.pages().stream().filter(p -> p.newPage() != null)
                .sorted(Comparator.comparingInt(PageComparison::newPage)).toList();
        Calendar now = Calendar.getInstance();
        try (PDDocument out = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
             NewSet source = NewSet.open(result.newFile())) {
            List<PDPage> pages = new ArrayList<>();
            for (PageComparison p : sheets) {
                PDPage page = source.copyInto(out, p.newPage(), p.newSize());
                pages.add(page);
                if (page != null) {
                    annotate(page, p, now);
                }
            }
            SummaryPages.insert(out, result, sheets, pages);
            outline(out, sheets, pages);
            out.getDocumentInformation().setTitle("BuildTrace: " + result.newName() + " (changes from "
                    + result.oldName() + ")");
            out.getDocumentInformation().setAuthor(AUTHOR);
            out.getDocumentInformation().setCreator(AUTHOR);
            out.getDocumentInformation().setCreationDate(now);
            out.save(tmp.toFile());
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The markups of one sheet: its change regions, and the cloud audit's findings. */
    private static void annotate(PDPage page, PageComparison p, Calendar now) throws IOException {
        AffineTransform toUser = Transforms.inverse(PdfPages.userToDisplay(page));
        List<PDAnnotation> annotations = page.getAnnotations();
        for (ChangeRegion r : p.regions()) {
            String text = HtmlReportWriter.textOf(p, r.id());
            String contents = ChangeTexts.describe(r) + (text.isEmpty() ? "" : "\nText: " + text);
            annotations.add(cloud(toUser, corners(r.box()), MarkupColors.of(r.kind()),
                    "Change: " + r.kind().json(), contents, now));
        }
        CloudAudit audit = p.cloudAudit();
        if (audit != null) {
            for (String id : audit.uncloudedRegionIds()) {
                p.regions().stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(r -> annotations.add(
                        square(toUser, r.box().grow(AUDIT_PAD), MarkupColors.AUDIT, "Unclouded change", r.id()
                                + ": this change has no revision cloud around it.", now)));
            }
            for (String id : audit.emptyCloudIds()) {
                RevisionCloud c = audit.clouds().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                String revision = c.revision() == null ? "" : " (revision " + c.revision() + ")";
                annotations.add(square(toUser, c.box().grow(3), MarkupColors.AUDIT, "Cloud without change",
                        "Revision cloud " + c.id() + revision + ": nothing changed inside it since the old revision.",
                        now));
            }
        }
        if (p.status() == PageStatus.ADDED || p.status() == PageStatus.FAILED) {
            double[] size = p.newSize();
            boolean added = p.status() == PageStatus.ADDED;
            annotations.add(square(toUser, new Box(6, 6, size[0] - 12, size[1] - 12),
                    added ? MarkupColors.ADDED : MarkupColors.REMOVED, added ? "Added sheet" : "Not compared",
                    p.label() + (added ? " is new in this revision." : " could not be compared: " + p.error()), now));
        }
    }

    /** The four corners of a box (displayed points), clockwise from the top left as seen. */
    private static double[] corners(Box b) {
        return new double[] {b.x(), b.y(), b.right(), b.y(), b.right(), b.bottom(), b.x(), b.bottom()};
    }

    /** A cloud polygon through displayed-point vertices. */
    static PDAnnotationPolygon cloud(AffineTransform toUser, double[] displayed, Color color, String subject,
                                     String contents, Calendar now) throws IOException {
        double[] user = new double[displayed.length];
        toUser.transform(displayed, 0, user, 0, displayed.length / 2);
        float[] vertices = new float[user.length];
        for (int i = 0; i < user.length; i++) {
            vertices[i] = (float) user[i];
        }
        PDAnnotationPolygon polygon = new PDAnnotationPolygon();
        polygon.getCOSObject().setName(COSName.IT, "PolygonCloud");
        polygon.setVertices(vertices);
        polygon.setRectangle(bounds(user, 0));
        PDBorderEffectDictionary effect = new PDBorderEffectDictionary();
        effect.setStyle(PDBorderEffectDictionary.STYLE_CLOUDY);
        effect.setIntensity(1);
        polygon.setBorderEffect(effect);
        markup(polygon, color, subject, contents, now);
        polygon.constructAppearances();
        return polygon;
    }

    /** A rectangle markup (audit findings, added and failed sheets) around a box of displayed points. */
    private static PDAnnotationSquare square(AffineTransform toUser, Box box, Color color, String subject,
                                             String contents, Calendar now) {
        double[] user = new double[8];
        toUser.transform(corners(box), 0, user, 0, 4);
        PDAnnotationSquare square = new PDAnnotationSquare();
        square.setRectangle(bounds(user, LINE_WIDTH));
        markup(square, color, subject, contents, now);
        PDBorderStyleDictionary dashed = square.getBorderStyle();
        dashed.setStyle(PDBorderStyleDictionary.STYLE_DASHED);
        dashed.setDashStyle(new org.apache.pdfbox.cos.COSArray(List.of(
                new org.apache.pdfbox.cos.COSFloat(6), new org.apache.pdfbox.cos.COSFloat(3))));
        square.constructAppearances();
        return square;
    }

    private static void markup(PDAnnotationMarkup a, Color color, String subject, String contents, Calendar now) {
        a.setColor(new PDColor(color.getRGBColorComponents(null), PDDeviceRGB.INSTANCE));
        PDBorderStyleDictionary border = new PDBorderStyleDictionary();
        border.setWidth(LINE_WIDTH);
        a.setBorderStyle(border);
        a.setTitlePopup(AUTHOR);
        a.setSubject(subject);
        a.setContents(contents);
        a.setCreationDate(now);
        a.setModifiedDate(now);
        a.setPrinted(true);
        a.setConstantOpacity(1f);
    }

    private static PDRectangle bounds(double[] xy, double pad) {
        Box b = Box.around(xy).grow(pad);
        return new PDRectangle((float) b.x(), (float) b.y(), (float) b.width(), (float) b.height());
    }

    /** Bookmarks: one per sheet, after the summary. */
    private static void outline(PDDocument out, List<PageComparison> sheets, List<PDPage> pages) {
        PDDocumentOutline outline = new PDDocumentOutline();
        out.getDocumentCatalog().setDocumentOutline(outline);
        PDOutlineItem summary = new PDOutlineItem();
        summary.setTitle("Summary and sheet index");
        summary.setDestination(out.getPage(0));
        outline.addLast(summary);
        for (int i = 0; i < sheets.size(); i++) {
            if (pages.get(i) == null) {
                continue;
            }
            PageComparison p = sheets.get(i);
            PDOutlineItem item = new PDOutlineItem();
            String title = SummaryPages.title(p);
            item.setTitle(p.label() + (title.isEmpty() ? "" : " " + title) + " (" + p.status().json() + ")");
            item.setDestination(pages.get(i));
            outline.addLast(item);
        }
        outline.openNode();
    }

    /**
     * The new set: its files (one, or a folder's in name order), each a PDF whose pages are copied or an image
     * whose sheets become pages. Every source PDF stays open until the annotated PDF is saved (imported pages
     * refer to their document), with its streams cached in temporary files.
     */
    private static final class NewSet implements AutoCloseable {

        private final List<Path> files;

        /** The set's page index of each file's first page; one more entry: the page count. */
        private final int[] firstPage;

        private final java.util.Map<Integer, PDDocument> opened = new java.util.HashMap<>();

        private NewSet(List<Path> files, int[] firstPage) {
            this.files = files;
            this.firstPage = firstPage;
        }

        /** Opens the set's PDFs, each once (counting its pages), and counts the sheets of its images. */
        static NewSet open(Path set) throws IOException {
            List<Path> files = com.buildtrace.compare.source.DrawingSetReader.files(set);
            int[] first = new int[files.size() + 1];
            NewSet opened = new NewSet(files, first);
            try {
                for (int i = 0; i < files.size(); i++) {
                    Path file = files.get(i);
                    PDDocument pdf = isPdf(file)
                            ? Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache()) : null;
                    opened.opened.put(i, pdf);
                    int pages = pdf != null ? pdf.getNumberOfPages()
                            : files.size() == 1 ? Integer.MAX_VALUE : imageCount(file);
                    first[i + 1] = (int) Math.min(Integer.MAX_VALUE, (long) first[i] + pages);
                }
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
            return opened;
        }

        private static boolean isPdf(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return com.buildtrace.compare.source.DrawingSetReader.isPdf(in.readNBytes(1024));
            }
        }

        /** Sheets in an image file (a TIFF may hold several). */
        private static int imageCount(Path file) throws IOException {
            try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
                var readers = javax.imageio.ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    return 1;
                }
                javax.imageio.ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return reader.getNumImages(true);
                } finally {
                    reader.dispose();
                }
            }
        }

        /**
         * Copies page {@code index} of the set into {@code out}; null when the page cannot be copied.
         *
         * @param size the sheet's displayed size in points (an image's page size)
         */
        PDPage copyInto(PDDocument out, int index, double[] size) throws IOException {
            for (int f = 0; f < files.size(); f++) {
                if (index >= firstPage[f] && index < firstPage[f + 1]) {
                    Path file = files.get(f);
                    int local = index - firstPage[f];
                    PDDocument pdf = opened.get(f);
                    return pdf == null ? (size == null ? null : imagePage(out, file, local, size))
                            : copyPdfPage(out, pdf, local);
                }
            }
            return null;
        }

        /** Copies page {@code index} of a source PDF into {@code out}; null when it has no such page. */
        private static PDPage copyPdfPage(PDDocument out, PDDocument pdf, int index) throws IOException {
            if (index >= pdf.getNumberOfPages()) {
                return null;
            }
            PDPage src = pdf.getPage(index);
            // inherited attributes are set on the page itself: the copy has no parent to inherit from
            PDRectangle media = src.getMediaBox();
            PDRectangle crop = src.getCropBox();
            int rotation = src.getRotation();
            org.apache.pdfbox.pdmodel.PDResources resources = src.getResources();
            PDPage page = out.importPage(src);
            page.setMediaBox(media);
            page.setCropBox(crop);
            page.setRotation(rotation);
            page.setResources(resources);
            List<PDAnnotation> kept = new ArrayList<>();
            for (PDAnnotation a : src.getAnnotations()) {
                // form fields and links into the source document would drag its other pages along
                if (!(a instanceof PDAnnotationWidget) && !(a instanceof PDAnnotationLink)) {
                    a.getCOSObject().removeItem(COSName.P);
                    kept.add(a);
                }
            }
            page.setAnnotations(kept);
            return page;
        }

        /** A scanned sheet as a page of its size in points, the image filling it. */
        private static PDPage imagePage(PDDocument out, Path file, int index, double[] size) throws IOException {
            PDImageXObject image = index == 0 ? PDImageXObject.createFromFileByContent(file.toFile(), out)
                    : tiffPage(out, file, index);
            if (image == null) {
                return null;
            }
            float w = (float) size[0];
            float h = (float) size[1];
            PDPage page = new PDPage(new PDRectangle(w, h));
            out.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
                cs.drawImage(image, 0, 0, w, h);
            }
            return page;
        }

        private static PDImageXObject tiffPage(PDDocument out, Path file, int index) throws IOException {
            try (javax.imageio.stream.ImageInputStream in =
                         javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
                var readers = javax.imageio.ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    return null;
                }
                javax.imageio.ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(out,
                            reader.read(index));
                } finally {
                    reader.dispose();
                }
            }
        }

        @Override
        public void close() throws IOException {
            IOException failed = null;
            for (PDDocument pdf : opened.values()) {
                try {
                    if (pdf != null) {
                        pdf.close();
                    }
                } catch (IOException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

}
