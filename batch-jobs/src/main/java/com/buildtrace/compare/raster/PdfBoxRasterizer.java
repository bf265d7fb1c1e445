package com.buildtrace.compare.raster;

import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.compare.source.PdfSheet;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders a PDF page with PDFBox. Drawing happens in the target frame directly: the transform is set on the
 * graphics before PDFBox adds its own page scaling, so an old sheet is rendered where the new one has it,
 * with no resampling noise along the lines.
 */
public final class PdfBoxRasterizer implements PageRasterizer {

    private final PDDocument document;

    private final PdfSheet sheet;

    public PdfBoxRasterizer(PDDocument document, PdfSheet sheet) {
        this.document = document;
        this.sheet = sheet;
    }

    @Override
    public void rasterize(AffineTransform sheetToFrame, double dpi, GrayBand band, boolean antialias) {
        sheet.requireUsable();
        band.clear();
        BufferedImage image = band.asImage();
        Graphics2D g = image.createGraphics();
        try {
            RenderingHints hints = hints(antialias);
            g.setRenderingHints(hints);
            g.setBackground(Color.WHITE);
            double s = dpi / 72.0;
            AffineTransform t = AffineTransform.getTranslateInstance(0, -band.y0());
            t.scale(s, s);
            t.concatenate(sheetToFrame);
            t.scale(1 / s, 1 / s);
            g.setTransform(t);
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setRenderingHints(hints);
            renderer.renderPageToGraphics(sheet.pageIndex(), g, (float) s);
        } catch (Exception | StackOverflowError e) {
            throw new DrawingInputException(sheet.file(), sheet.pageIndex(),
                    "the page fails to render (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        } finally {
            g.dispose();
        }
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
