package com.buildtrace.compare.raster;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * Draws a page's annotations (markups, link borders) with PDFBox on top of content drawn by the fast
 * renderer, exactly as PDFBox draws them on a page it renders itself. PDFBox only hands out page drawers
 * from inside a page rendering, which first clears the page; so a first call on a throw-away one-pixel image
 * collects the drawer's parameters, and a drawer that skips the page content then draws the annotations.
 */
final class AnnotationPainter {

    private AnnotationPainter() {
    }

    /**
     * @param g the graphics the page content was drawn on
     * @param frame the frame transform the page was drawn with (before PDF scaling)
     * @param scale points to pixels
     */
    static void paint(PDDocument document, int pageIndex, Graphics2D g, AffineTransform frame, double scale,
                      RenderingHints hints) throws IOException {
        PDPage page = document.getPage(pageIndex);
        Collector collector = new Collector(document);
        collector.setRenderingHints(hints);
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D sg = scratch.createGraphics();
        try {
            collector.renderPageToGraphics(pageIndex, sg, 1f);
        } finally {
            sg.dispose();
        }
        PageDrawer drawer = new AnnotationsOnly(collector.parameters);
        AffineTransform saved = g.getTransform();
        try {
            g.setTransform(frame);
            g.scale(scale, scale);
            g.transform(com.buildtrace.compare.source.PdfPages.rotation(page));
            drawer.drawPage(g, page.getCropBox());
        } finally {
            g.setTransform(saved);
        }
    }

    /** Hands out a drawer that draws nothing, keeping its parameters. */
    private static final class Collector extends PDFRenderer {

        PageDrawerParameters parameters;

        Collector(PDDocument document) {
            super(document);
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters p) throws IOException {
            this.parameters = p;
            return new PageDrawer(p) {
                @Override
                public void drawPage(Graphics2D g, PDRectangle pageSize) {
                    // the throw-away rendering draws nothing
                }
            };
        }
    }

    /** A page drawer that skips the page content and draws only the annotations. */
    private static final class AnnotationsOnly extends PageDrawer {

        AnnotationsOnly(PageDrawerParameters parameters) throws IOException {
            super(parameters);
        }

        @Override
        public void processPage(PDPage page) throws IOException {
            // the content is already drawn: set the engine up for the page without its content stream
            org.apache.pdfbox.cos.COSDictionary copy = new org.apache.pdfbox.cos.COSDictionary(page.getCOSObject());
            copy.removeItem(org.apache.pdfbox.cos.COSName.CONTENTS);
            super.processPage(new PDPage(copy));
        }
    }
}
