package com.buildtrace.compare.raster;

import com.buildtrace.compare.content.ContentRecorder;
import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.compare.source.PdfPages;
import com.buildtrace.compare.source.PdfSheet;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders a PDF page. Drawing happens in the target frame directly: the frame transform is set on the
 * graphics before the page's own, so an old sheet is rendered where the new one has it, with no resampling
 * noise along the lines. Pages made of the common vector subset are drawn by {@link FastPageRenderer};
 * anything else (and a page whose partner needed it) by PDFBox's renderer.
 */
public final class PdfRasterizer implements PageRasterizer {

    private final PDDocument document;

    private final PdfSheet sheet;

    private byte[] content;

    private boolean fastRefused;

    private boolean usedFast;

    public PdfRasterizer(PDDocument document, PdfSheet sheet) {
        this.document = document;
        this.sheet = sheet;
    }

    @Override
    public void rasterize(AffineTransform sheetToFrame, double dpi, GrayBand band, boolean antialias) {
        render(sheetToFrame, dpi, band, antialias, null);
    }

    /**
     * Renders for comparison (no anti-aliasing) and records the page's glyphs and path points on the way:
     * one pass over the content stream instead of two.
     */
    public PageContent rasterizeRecording(AffineTransform sheetToFrame, double dpi, GrayBand band) {
        return render(sheetToFrame, dpi, band, false, true);
    }

    /**
     * Reads the page's glyphs and path points with the fast interpreter, drawing nothing: several times
     * quicker than PDFBox's stream engine on dense sheets, and the same content the fast renderer records.
     *
     * @return the content, or null when the page needs PDFBox (content the fast interpreter does not cover)
     */
    public PageContent scanFast() {
        return scanFast(null);
    }

    /**
     * As {@link #scanFast()}, and hands every painted path, whole, to {@code paths} (when not null).
     *
     * @return the content, or null when the page needs PDFBox (the sink may have been told part of it)
     */
    public PageContent scanFast(com.buildtrace.compare.content.PathSink paths) {
        sheet.requireUsable();
        PDPage page = document.getPage(sheet.pageIndex());
        if (content == null) {
            content = readContent(page);
        }
        if (fastRefused || !fastPossible(page)) {
            return null;
        }
        try {
            ContentRecorder recorder = new ContentRecorder(page, paths);
            PDRectangle crop = page.getCropBox();
            Rectangle2D clip = new Rectangle2D.Double(crop.getLowerLeftX(), crop.getLowerLeftY(), crop.getWidth(),
                    crop.getHeight());
            new FastPageRenderer(null, recorder).run(content, page.getResources(), clip);
            return recorder.content();
        } catch (UnsupportedContentException e) {
            fastRefused = true;
            return null;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** Size of the page's decoded content stream in bytes. */
    public int contentBytes() {
        if (content == null) {
            content = readContent(document.getPage(sheet.pageIndex()));
        }
        return content.length;
    }

    /** True when the last rendering used the fast renderer. */
    public boolean usedFastPath() {
        return usedFast;
    }

    /** From now on render with PDFBox only (the partner sheet needed it: both must be drawn alike). */
    public void usePdfBoxOnly() {
        fastRefused = true;
    }

    private PageContent render(AffineTransform sheetToFrame, double dpi, GrayBand band, boolean antialias,
                               Boolean record) {
        sheet.requireUsable();
        PDPage page = document.getPage(sheet.pageIndex());
        RenderingHints hints = hints(antialias);
        double s = dpi / 72.0;
        AffineTransform frame = AffineTransform.getTranslateInstance(0, -band.y0());
        frame.scale(s, s);
        frame.concatenate(sheetToFrame);
        frame.scale(1 / s, 1 / s);
        try {
            if (content == null) {
                content = readContent(page);
            }
            if (!fastRefused && fastPossible(page)) {
                try {
                    ContentRecorder recorder = record != null ? new ContentRecorder(page) : null;
                    renderFast(page, frame, s, band, hints, recorder);
                    usedFast = true;
                    return recorder == null ? null : recorder.content();
                } catch (UnsupportedContentException e) {
                    fastRefused = true;
                }
            }
            usedFast = false;
            ContentRecorder recorder = record != null ? new ContentRecorder(page) : null;
            renderPdfBox(frame, s, band, hints, recorder);
            return recorder == null ? null : recorder.content();
        } catch (DrawingInputException e) {
            throw e;
        } catch (RuntimeException | IOException | StackOverflowError e) {
            throw new DrawingInputException(sheet.file(), sheet.pageIndex(),
                    "the page fails to render (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private void renderFast(PDPage page, AffineTransform frame, double s, GrayBand band, RenderingHints hints,
                            ContentRecorder recorder) throws IOException {
        Graphics2D g = blank(band, hints);
        try {
            AffineTransform device = new AffineTransform(frame);
            device.scale(s, s);
            device.concatenate(PdfPages.userToDisplay(page));
            g.setTransform(device);
            PDRectangle crop = page.getCropBox();
            Rectangle2D clip = new Rectangle2D.Double(crop.getLowerLeftX(), crop.getLowerLeftY(), crop.getWidth(),
                    crop.getHeight());
            new FastPageRenderer(g, recorder).run(content, page.getResources(), clip);
            if (hasVisibleAnnotations(page)) {
                AnnotationPainter.paint(document, sheet.pageIndex(), g, frame, s, hints);
            }
        } finally {
            g.dispose();
        }
    }

    /** Graphics over the band, cleared to white. */
    private static Graphics2D blank(GrayBand band, RenderingHints hints) {
        band.clear();
        BufferedImage image = band.asImage();
        Graphics2D g = image.createGraphics();
        g.setRenderingHints(hints);
        return g;
    }

    /** The page's decoded content, read strictly: damaged compressed data fails the page. */
    private byte[] readContent(PDPage page) {
        try {
            return ContentStreams.read(page);
        } catch (IOException e) {
            throw new DrawingInputException(sheet.file(), sheet.pageIndex(), "the page cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private void renderPdfBox(AffineTransform frame, double s, GrayBand band, RenderingHints hints,
                              ContentRecorder recorder) throws IOException {
        Graphics2D g = blank(band, hints);
        try {
            g.setBackground(Color.WHITE);
            g.setTransform(frame);
            PDFRenderer renderer = recorder == null ? new PDFRenderer(document)
                    : new RecordingRenderer(document, recorder);
            renderer.setRenderingHints(hints);
            renderer.renderPageToGraphics(sheet.pageIndex(), g, (float) s);
        } finally {
            g.dispose();
        }
    }

    /** Whether the fast renderer can draw this page as PDFBox would: no optional content switched off. */
    private boolean fastPossible(PDPage page) {
        PDOptionalContentProperties oc = document.getDocumentCatalog().getOCProperties();
        if (oc != null) {
            for (PDOptionalContentGroup group : oc.getOptionalContentGroups()) {
                if (!oc.isGroupEnabled(group)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasVisibleAnnotations(PDPage page) throws IOException {
        for (PDAnnotation a : page.getAnnotations()) {
            if (!a.isHidden() && !a.isNoView()) {
                return true;
            }
        }
        return false;
    }

    static RenderingHints hints(boolean antialias) {
        RenderingHints h = new RenderingHints(RenderingHints.KEY_ANTIALIASING,
                antialias ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
        h.put(RenderingHints.KEY_TEXT_ANTIALIASING,
                antialias ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        h.put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
        h.put(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        // pure strokes keep geometry exact; normalisation would snap old and new differently
        h.put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return h;
    }
}
