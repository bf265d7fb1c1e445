package com.buildtrace.compare.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.w3c.dom.NodeList;

/**
 * Opens a drawing file, finds out what it is from its content (never from its name), and lists its sheets.
 * A folder is a set uploaded as several files: every file in it, in name order, makes one set (the pages of
 * the first file, then those of the second, ...). A file that cannot be used at all throws
 * {@link DrawingInputException}; a single bad page is listed with its problem, so that the rest of the set
 * can still be compared.
 */
public final class DrawingSetReader {

    /** The largest sheet side accepted, in points (200 in). */
    public static final double MAX_SIDE_PT = 200 * 72.0;

    /** The smallest sheet side accepted, in points. */
    public static final double MIN_SIDE_PT = 9.0;

    private static final int SNIFF_BYTES = 1024;

    /**
     * Reads the set's structure; pixels and content are read later, page by page.
     *
     * @throws DrawingInputException when the file is missing, unreadable, not a PDF or image, encrypted,
     *     corrupt, or has no pages
     */
    public DrawingSet read(Path file) {
        try (PdfDocumentPool pool = new PdfDocumentPool()) {
            return read(file, pool);
        }
    }

    /**
     * Reads the set's structure, leaving a PDF open in {@code pool} for the pages to be read from later.
     *
     * @param file a drawing file, or a folder of them
     * @throws DrawingInputException as {@link #read(Path)}; for a folder, naming the file at fault, or the
     *     folder when it holds no files
     */
    public DrawingSet read(Path file, PdfDocumentPool pool) {
        if (Files.isDirectory(file)) {
            List<SheetSource> sheets = new ArrayList<>();
            for (Path member : files(file)) {
                sheets.addAll(readFile(member, pool).sheets());
            }
            return new DrawingSet(file, DrawingSet.Format.FOLDER, sheets);
        }
        return readFile(file, pool);
    }

    /**
     * The files a set is read from: the file itself, or a folder's files in name order (hidden files, such as
     * a copy still being written, and sub-folders left out).
     *
     * @throws DrawingInputException when a folder holds no files or cannot be listed
     */
    public static List<Path> files(Path set) {
        if (!Files.isDirectory(set)) {
            return List.of(set);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(set)) {
            files = list.filter(f -> !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new DrawingInputException(set, -1, "cannot list the folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new DrawingInputException(set, "the folder holds no drawing files");
        }
        return files;
    }

    private DrawingSet readFile(Path file, PdfDocumentPool pool) {
        if (!Files.isRegularFile(file)) {
            throw new DrawingInputException(file, "file not found");
        }
        if (!Files.isReadable(file)) {
            throw new DrawingInputException(file, "file is not readable");
        }
        byte[] head = head(file);
        if (head.length == 0) {
            throw new DrawingInputException(file, "file is empty");
        }
        if (isPdf(head)) {
            return new DrawingSet(file, DrawingSet.Format.PDF, readPdf(file, pool));
        }
        if (isImage(head)) {
            return new DrawingSet(file, DrawingSet.Format.IMAGE, readImage(file));
        }
        throw new DrawingInputException(file, "not a PDF or an image (PNG, JPEG, TIFF)");
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new DrawingInputException(file, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    /** True when the first bytes of a file (up to 1 KB) are those of a PDF. */
    public static boolean isPdf(byte[] head) {
        // The header may follow some junk bytes; readers accept it within the first kilobyte.
        String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        return s.contains("%PDF-");
    }

    static boolean isImage(byte[] h) {
        boolean png = h.length >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G';
        boolean jpeg = h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF;
        boolean tiff = h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42));
        return png || jpeg || tiff;
    }

    private static List<SheetSource> readPdf(Path file, PdfDocumentPool pool) {
        try (PdfDocumentPool.Lease lease = pool.borrow(file)) {
            PDDocument doc = lease.document();
            int n = doc.getNumberOfPages();
            if (n == 0) {
                throw new DrawingInputException(file, "the PDF has no pages");
            }
            List<SheetSource> sheets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sheets.add(pdfSheet(file, doc, i));
            }
            return sheets;
        }
    }

    private static PdfSheet pdfSheet(Path file, PDDocument doc, int index) {
        try {
            PDPage page = doc.getPage(index);
            PDRectangle crop = page.getCropBox();
            int rotation = Math.floorMod(page.getRotation(), 360);
            rotation = rotation - rotation % 90;
            boolean turned = rotation % 180 != 0;
            double w = turned ? crop.getHeight() : crop.getWidth();
            double h = turned ? crop.getWidth() : crop.getHeight();
            String problem = sizeProblem(w, h);
            return new PdfSheet(file, index, w, h, rotation, problem != null ? problem : PageIntegrity.problem(page));
        } catch (RuntimeException e) {
            return new PdfSheet(file, index, 612, 792, 0, "the page cannot be read (" + e.getMessage() + ")");
        }
    }

    static String sizeProblem(double widthPt, double heightPt) {
        if (!Double.isFinite(widthPt) || !Double.isFinite(heightPt)) {
            return "the page size is not a number";
        }
        if (widthPt > MAX_SIDE_PT || heightPt > MAX_SIDE_PT) {
            return String.format(Locale.ROOT, "the page is %.0f x %.0f in, larger than the %.0f in allowed per side",
                    widthPt / 72, heightPt / 72, MAX_SIDE_PT / 72);
        }
        if (widthPt < MIN_SIDE_PT || heightPt < MIN_SIDE_PT) {
            return String.format(Locale.ROOT, "the page is %.1f x %.1f pt, too small to be a drawing",
                    widthPt, heightPt);
        }
        return null;
    }

    private static List<SheetSource> readImage(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DrawingInputException(file, "no reader for this image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                int n = reader.getNumImages(true);
                if (n <= 0) {
                    throw new DrawingInputException(file, "the image file holds no image");
                }
                List<SheetSource> sheets = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int w = reader.getWidth(i);
                    int h = reader.getHeight(i);
                    double dpi = dpi(reader.getImageMetadata(i));
                    ImageSheet sheet = new ImageSheet(file, i, w, h, dpi, null);
                    String problem = sizeProblem(sheet.widthPt(), sheet.heightPt());
                    sheets.add(problem == null ? sheet : new ImageSheet(file, i, w, h, dpi, problem));
                }
                return sheets;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DrawingInputException die) {
                throw die;
            }
            throw new DrawingInputException(file, -1, "corrupt or truncated image (" + e.getMessage() + ")", e);
        }
    }

    /** The image's own resolution from the format-neutral metadata (mm per pixel), else 72 dpi. */
    static double dpi(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 72;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        NodeList nodes = root.getElementsByTagName("HorizontalPixelSize");
        if (nodes.getLength() == 0) {
            return 72;
        }
        try {
            double mmPerPixel = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
            double dpi = 25.4 / mmPerPixel;
            // pHYs stores pixels per metre: 200 dpi comes back as 199.9996
            double whole = Math.rint(dpi);
            dpi = Math.abs(dpi - whole) < 0.01 ? whole : dpi;
            return dpi >= 10 && dpi <= 10000 ? dpi : 72;
        } catch (NumberFormatException e) {
            return 72;
        }
    }
}
