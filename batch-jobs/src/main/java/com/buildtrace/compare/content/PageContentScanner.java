package com.buildtrace.compare.content;

import com.buildtrace.compare.source.PdfPages;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Reads a page's content stream once and collects its visible glyphs (grouped into words and lines) and the
 * end points of its painted paths. No pixels are drawn, so this is several times cheaper than rendering.
 */
public final class PageContentScanner {

    /** Anchors kept per page at most; denser pages are thinned evenly. */
    static final int MAX_ANCHORS = 200_000;

    /**
     * Scans one page.
     *
     * @param withAnchors false to skip collecting path anchors (text only)
     */
    public PageContent scan(PDDocument doc, int pageIndex, boolean withAnchors) throws IOException {
        PDPage page = doc.getPage(pageIndex);
        Engine engine = new Engine(page, withAnchors);
        engine.processPage(page);
        List<Word> words = WordBuilder.words(engine.glyphs);
        WordBuilder.Lines lines = WordBuilder.lines(words);
        double pageArea = page.getCropBox().getWidth() * (double) page.getCropBox().getHeight();
        double coverage = pageArea > 0 ? Math.min(1, engine.imageArea / pageArea) : 0;
        return new PageContent(lines.words(), lines.count(), engine.anchors(), engine.pathPoints, coverage);
    }

    /** A glyph in displayed points. */
    record Glyph(String text, double x0, double y0, double x1, double y1, double size,
                 double minX, double minY, double maxX, double maxY) {
    }

    private static final class Engine extends PDFGraphicsStreamEngine {

        private final AffineTransform toDisplay;

        private final boolean withAnchors;

        final List<Glyph> glyphs = new ArrayList<>();

        private float[] anchorBuf = new float[4096];

        private int anchorLen;

        private int stride = 1;

        private long strideCounter;

        private float[] pathBuf = new float[256];

        private int pathLen;

        long pathPoints;

        double imageArea;

        private final Point2D.Float current = new Point2D.Float();

        Engine(PDPage page, boolean withAnchors) {
            super(page);
            this.toDisplay = PdfPages.userToDisplay(page);
            this.withAnchors = withAnchors;
        }

        float[] anchors() {
            float[] out = new float[anchorLen];
            System.arraycopy(anchorBuf, 0, out, 0, anchorLen);
            return out;
        }

        @Override
        protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
            super.showGlyph(trm, font, code, displacement);
            RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
            if (mode == RenderingMode.NEITHER || mode == RenderingMode.NEITHER_CLIP) {
                return; // invisible text (OCR layers, clipping text) is not part of the drawing
            }
            String text = font.toUnicode(code);
            if (text == null || text.isEmpty()) {
                return;
            }
            double advance = displacement.getX();
            if (font.isVertical() || !(advance > 0)) {
                advance = Math.max(font.getWidth(code) / 1000.0, 0.3);
            }
            double ascent = 0.8;
            double descent = -0.2;
            PDFontDescriptor fd = font.getFontDescriptor();
            if (fd != null && fd.getAscent() > 100 && fd.getAscent() < 1500) {
                ascent = fd.getAscent() / 1000.0;
                if (fd.getDescent() < 0 && fd.getDescent() > -800) {
                    descent = fd.getDescent() / 1000.0;
                }
            }
            double a = trm.getScaleX();
            double b = trm.getShearY();
            double c = trm.getShearX();
            double d = trm.getScaleY();
            double e = trm.getTranslateX();
            double f = trm.getTranslateY();
            double[] p = {
                e, f,                                       // origin
                a * advance + e, b * advance + f,           // baseline end
                c + e, d + f,                               // one em up
                c * descent + e, d * descent + f,           // corners: descent start
                a * advance + c * descent + e, b * advance + d * descent + f,
                a * advance + c * ascent + e, b * advance + d * ascent + f,
                c * ascent + e, d * ascent + f,
            };
            toDisplay.transform(p, 0, p, 0, 7);
            double size = Math.hypot(p[4] - p[0], p[5] - p[1]);
            if (!(size > 0.05) || !Double.isFinite(size)) {
                return;
            }
            double minX = Math.min(Math.min(p[6], p[8]), Math.min(p[10], p[12]));
            double maxX = Math.max(Math.max(p[6], p[8]), Math.max(p[10], p[12]));
            double minY = Math.min(Math.min(p[7], p[9]), Math.min(p[11], p[13]));
            double maxY = Math.max(Math.max(p[7], p[9]), Math.max(p[11], p[13]));
            glyphs.add(new Glyph(text, p[0], p[1], p[2], p[3], size, minX, minY, maxX, maxY));
        }

        private void addPathPoint(float x, float y) {
            if (!withAnchors) {
                return;
            }
            if (pathLen + 2 > pathBuf.length) {
                pathBuf = java.util.Arrays.copyOf(pathBuf, pathBuf.length * 2);
            }
            pathBuf[pathLen++] = x;
            pathBuf[pathLen++] = y;
        }

        /** A painted path: its points become anchors (in displayed coordinates). */
        private void commitPath() {
            if (!withAnchors) {
                return;
            }
            double[] pt = new double[2];
            for (int i = 0; i < pathLen; i += 2) {
                pathPoints++;
                if (strideCounter++ % stride != 0) {
                    continue;
                }
                pt[0] = pathBuf[i];
                pt[1] = pathBuf[i + 1];
                toDisplay.transform(pt, 0, pt, 0, 1);
                if (anchorLen + 2 > anchorBuf.length) {
                    if (anchorBuf.length >= 2 * MAX_ANCHORS) {
                        thin();
                    } else {
                        anchorBuf = java.util.Arrays.copyOf(anchorBuf, Math.min(2 * MAX_ANCHORS, anchorBuf.length * 2));
                    }
                }
                anchorBuf[anchorLen++] = (float) pt[0];
                anchorBuf[anchorLen++] = (float) pt[1];
            }
            pathLen = 0;
        }

        /** Keeps every other anchor and from now on takes every other point: even thinning of dense pages. */
        private void thin() {
            int n = anchorLen / 2;
            int j = 0;
            for (int i = 0; i < n; i += 2) {
                anchorBuf[j++] = anchorBuf[2 * i];
                anchorBuf[j++] = anchorBuf[2 * i + 1];
            }
            anchorLen = j;
            stride *= 2;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            addPathPoint((float) p0.getX(), (float) p0.getY());
            addPathPoint((float) p1.getX(), (float) p1.getY());
            addPathPoint((float) p2.getX(), (float) p2.getY());
            addPathPoint((float) p3.getX(), (float) p3.getY());
            current.setLocation(p0);
        }

        @Override
        public void drawImage(PDImage pdImage) {
            Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
            imageArea += Math.abs(ctm.getScaleX() * (double) ctm.getScaleY() - ctm.getShearX() * (double) ctm.getShearY());
        }

        @Override
        public void clip(int windingRule) {
            // clipping paths are not drawn; endPath() discards them
        }

        @Override
        public void moveTo(float x, float y) {
            addPathPoint(x, y);
            current.setLocation(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            addPathPoint(x, y);
            current.setLocation(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            addPathPoint(x3, y3);
            current.setLocation(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            // the closing segment ends on a point already recorded
        }

        @Override
        public void endPath() {
            pathLen = 0;
        }

        @Override
        public void strokePath() {
            commitPath();
        }

        @Override
        public void fillPath(int windingRule) {
            commitPath();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            commitPath();
        }

        @Override
        public void shadingFill(COSName shadingName) {
            // a shading paints an area, not a path with anchors
        }
    }
}
