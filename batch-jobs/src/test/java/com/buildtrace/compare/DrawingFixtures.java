package com.buildtrace.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * Small drawing sets and broken drawing files for input tests, generated in code. Sheets are letter-size
 * pages with a border, a few walls and notes, and the sheet number printed large in the bottom-right title
 * block, so that the engine pairs them by number. Defects are applied the way they occur in the field: a page
 * with an absurd size, a content stream or an embedded photo whose compressed data is garbage, a file cut
 * short, a password.
 */
public final class DrawingFixtures {

    private static final PDFont SANS = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private static final PDFont SANS_BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private static final PDRectangle LETTER = PDRectangle.LETTER;

    /** Bytes that are neither zlib nor JPEG data: what a bad copy leaves where compressed data should be. */
    private static final byte[] GARBAGE = "this is neither zlib nor JPEG data, just text where compressed bytes belong"
            .getBytes(StandardCharsets.US_ASCII);

    private DrawingFixtures() {
    }

    /** A PDF drawing set with these sheet numbers, one letter page each, in this order. */
    public static PdfSet pdfSet(String... sheetNumbers) {
        return new PdfSet(List.of(sheetNumbers));
    }

    /** A PDF set to write, with the defects to build into it. Page numbers are 1-based. */
    public static final class PdfSet {

        private final List<String> numbers;

        private final Set<String> revised = new HashSet<>();

        private final Map<Integer, PDRectangle> mediaBoxes = new HashMap<>();

        private final Set<Integer> garbledContents = new HashSet<>();

        private final Set<Integer> brokenPhotos = new HashSet<>();

        private String userPassword;

        private boolean objectStreams = true;

        private PdfSet(List<String> numbers) {
            this.numbers = numbers;
        }

        /** This sheet gets an extra partition and a note, as a revision would add. */
        public PdfSet revised(String number) {
            revised.add(number);
            return this;
        }

        /** This page gets this media box instead of letter size; its drawing stays where it was. */
        PdfSet mediaBox(int pageNumber, float widthPt, float heightPt) {
            mediaBoxes.put(pageNumber, new PDRectangle(widthPt, heightPt));
            return this;
        }

        /** This page's content is replaced by a stream that claims Flate compression but holds garbage. */
        PdfSet garbledContent(int pageNumber) {
            garbledContents.add(pageNumber);
            return this;
        }

        /**
         * This page also shows a small photo whose JPEG data is garbage. The page's text and lines are intact,
         * so it can be identified; only painting the photo fails.
         */
        public PdfSet brokenPhoto(int pageNumber) {
            brokenPhotos.add(pageNumber);
            return this;
        }

        /** The file is encrypted and needs this password to be opened. */
        PdfSet encrypted(String password) {
            userPassword = password;
            return this;
        }

        /**
         * Writes a classic file (plain objects in page order, fonts last, a cross-reference table at the end)
         * instead of PDFBox's default of compressed object streams and a cross-reference stream.
         */
        PdfSet withoutObjectStreams() {
            objectStreams = false;
            return this;
        }

        public Path writeTo(Path file) throws IOException {
            try (PDDocument doc = new PDDocument()) {
                for (int i = 0; i < numbers.size(); i++) {
                    int pageNumber = i + 1;
                    PDPage page = new PDPage(LETTER);
                    doc.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        drawSheet(cs, numbers.get(i), i, revised.contains(numbers.get(i)));
                        if (brokenPhotos.contains(pageNumber)) {
                            drawRawImage(cs, page, garbageJpeg(doc));
                        }
                    }
                    if (mediaBoxes.containsKey(pageNumber)) {
                        page.setMediaBox(mediaBoxes.get(pageNumber));
                    }
                    if (garbledContents.contains(pageNumber)) {
                        COSStream garbled = rawStream(doc, COSName.FLATE_DECODE);
                        page.getCOSObject().setItem(COSName.CONTENTS, garbled);
                    }
                }
                if (userPassword != null) {
                    StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword,
                            userPassword, new AccessPermission());
                    policy.setEncryptionKeyLength(128);
                    doc.protect(policy);
                }
                doc.save(file.toFile(), objectStreams ? CompressParameters.DEFAULT_COMPRESSION
                        : CompressParameters.NO_COMPRESSION);
            }
            return file;
        }
    }

    /**
     * One sheet: border, title block with the sheet number large in the bottom-right corner, and a plan whose
     * walls sit differently on every sheet so that no two sheets look alike.
     */
    private static void drawSheet(PDPageContentStream cs, String number, int index, boolean revised)
            throws IOException {
        float w = LETTER.getWidth();
        float h = LETTER.getHeight();
        cs.setLineWidth(1.5f);
        cs.addRect(18, 18, w - 36, h - 36);
        cs.stroke();
        cs.setLineWidth(1f);
        cs.addRect(w - 198, 18, 180, 120);
        cs.stroke();
        text(cs, SANS, 8, w - 190, 124, "NORTHLINE ARCHITECTS");
        text(cs, SANS, 9, w - 190, 96, "FLOOR PLAN LEVEL " + (index + 1));
        text(cs, SANS, 7, w - 190, 72, "SHEET NO.");
        text(cs, SANS_BOLD, 28, w - 190, 36, number);
        float x0 = 60 + 30 * index;
        float y0 = 260 + 40 * index;
        float partition = x0 + 140 + 20 * index;
        cs.setLineWidth(2f);
        cs.addRect(x0, y0, 300, 220);
        cs.stroke();
        line(cs, partition, y0, partition, y0 + 220);
        line(cs, x0, y0 + 90, partition, y0 + 90);
        cs.setLineWidth(0.5f);
        for (int k = 0; k < 4; k++) {
            line(cs, x0 - 20, y0 - 30 - 6 * k, x0 + 320, y0 - 30 - 6 * k);
        }
        text(cs, SANS, 10, x0 + 20, y0 + 180, "OFFICE " + (101 + index));
        text(cs, SANS, 10, x0 + 180, y0 + 120, "STORAGE " + (102 + index));
        text(cs, SANS, 8, 40, h - 50, "GENERAL NOTES: VERIFY ALL DIMENSIONS IN FIELD.");
        if (revised) {
            cs.setLineWidth(2f);
            line(cs, x0 + 20, y0 + 150, x0 + 130, y0 + 150);
            text(cs, SANS, 9, x0 + 20, y0 + 136, "NEW PARTITION");
        }
    }

    private static void line(PDPageContentStream cs, float x0, float y0, float x1, float y1) throws IOException {
        cs.moveTo(x0, y0);
        cs.lineTo(x1, y1);
        cs.stroke();
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** A stream holding {@link #GARBAGE} as its (supposedly encoded) data, PDFBox none the wiser. */
    private static COSStream rawStream(PDDocument doc, COSName filter) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(GARBAGE);
        }
        stream.setItem(COSName.FILTER, filter);
        return stream;
    }

    /** A 16 x 16 grey image XObject that claims to be a JPEG. */
    private static COSStream garbageJpeg(PDDocument doc) throws IOException {
        COSStream image = rawStream(doc, COSName.DCT_DECODE);
        image.setItem(COSName.TYPE, COSName.XOBJECT);
        image.setItem(COSName.SUBTYPE, COSName.IMAGE);
        image.setInt(COSName.WIDTH, 16);
        image.setInt(COSName.HEIGHT, 16);
        image.setInt(COSName.BITS_PER_COMPONENT, 8);
        image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
        return image;
    }

    /** Paints an image XObject, given as a raw stream so that PDFBox does not look at its data, 40 pt wide. */
    private static void drawRawImage(PDPageContentStream cs, PDPage page, COSStream image) throws IOException {
        COSDictionary resources = page.getResources().getCOSObject();
        COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
        if (xobjects == null) {
            xobjects = new COSDictionary();
            resources.setItem(COSName.XOBJECT, xobjects);
        }
        xobjects.setItem(COSName.getPDFName("Photo1"), image);
        cs.saveGraphicsState();
        cs.transform(new Matrix(40, 0, 0, 40, 60, 160));
        cs.appendRawCommands("/Photo1 Do\n");
        cs.restoreGraphicsState();
    }

    /** A PDF whose page tree is empty (a /Pages node with no kids), as PDFBox writes a document without pages. */
    static Path zeroPagePdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.save(file.toFile());
        }
        return file;
    }

    /** The first {@code fraction} of {@code source}'s bytes, as an interrupted download leaves a file. */
    static Path truncated(Path source, Path file, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(source);
        return Files.write(file, Arrays.copyOf(all, (int) (all.length * fraction)));
    }

    /** A plain text file, whatever its name says. */
    public static Path textFile(Path file) throws IOException {
        return Files.writeString(file, "Sheet list\nA-101 FLOOR PLAN\nA-102 ROOF PLAN\n", StandardCharsets.UTF_8);
    }

    /** A 0-byte file. */
    static Path emptyFile(Path file) throws IOException {
        return Files.write(file, new byte[0]);
    }

    /** A scanned sheet: a letter-size grey PNG at 100 dpi with a border, two rooms and the sheet number. */
    static Path png(Path file) throws IOException {
        BufferedImage img = new BufferedImage(850, 1100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(3));
            g.drawRect(25, 25, 800, 1050);
            g.drawRect(120, 300, 420, 300);
            g.drawLine(320, 300, 320, 600);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            g.drawString("A-101", 600, 1040);
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** The 8-byte PNG signature followed by garbage instead of chunks. */
    static Path corruptPng(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        bytes.write(GARBAGE);
        return Files.write(file, bytes.toByteArray());
    }
}
