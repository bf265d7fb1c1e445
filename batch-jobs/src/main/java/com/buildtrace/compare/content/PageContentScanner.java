package com.buildtrace.compare.content;

import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.io.IOException;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Reads a page's content stream once and collects its visible glyphs (grouped into words and lines) and the
 * end points of its painted paths, without drawing anything.
 */
public final class PageContentScanner {

    /** Scans one page. */
    public PageContent scan(PDDocument doc, int pageIndex) throws IOException {
        return scan(doc, pageIndex, null);
    }

    /** Scans one page and hands every painted path, whole, to {@code paths} (when not null). */
    public PageContent scan(PDDocument doc, int pageIndex, PathSink paths) throws IOException {
        PDPage page = doc.getPage(pageIndex);
        Engine engine = new Engine(page, paths);
        engine.processPage(page);
        return engine.recorder.content();
    }

    /** A glyph in displayed points. */
    record Glyph(String text, double x0, double y0, double x1, double y1, double size,
                 double minX, double minY, double maxX, double maxY) {
    }

    private static final class Engine extends PDFGraphicsStreamEngine {

        final ContentRecorder recorder;

        private final Point2D.Float current = new Point2D.Float();

        /** The path being built, kept only when a path sink wants whole paths. */
        private final GeneralPath shape;

        Engine(PDPage page, PathSink paths) {
            super(page);
            this.recorder = new ContentRecorder(page, paths);
            this.shape = paths == null ? null : new GeneralPath();
        }

        private void painted(boolean stroked) {
            recorder.paintPath();
            if (shape != null) {
                recorder.path(shape, stroked);
                shape.reset();
            }
        }

        @Override
        protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
            super.showGlyph(trm, font, code, displacement);
            recorder.glyph(trm, font, code, displacement, getGraphicsState().getTextState().getRenderingMode());
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            recorder.rectangle(p0, p1, p2, p3);
            current.setLocation(p0);
            if (shape != null) {
                shape.moveTo(p0.getX(), p0.getY());
                shape.lineTo(p1.getX(), p1.getY());
                shape.lineTo(p2.getX(), p2.getY());
                shape.lineTo(p3.getX(), p3.getY());
                shape.closePath();
            }
        }

        @Override
        public void drawImage(PDImage pdImage) {
            recorder.image(getGraphicsState().getCurrentTransformationMatrix(), pdImage.getWidth(), pdImage.getHeight());
        }

        @Override
        public void clip(int windingRule) {
            // the clipping path is dropped by the endPath() that follows
        }

        @Override
        public void moveTo(float x, float y) {
            recorder.pathPoint(x, y);
            current.setLocation(x, y);
            if (shape != null) {
                shape.moveTo(x, y);
            }
        }

        @Override
        public void lineTo(float x, float y) {
            recorder.pathPoint(x, y);
            current.setLocation(x, y);
            if (shape != null) {
                if (shape.getCurrentPoint() == null) {
                    shape.moveTo(x, y);
                } else {
                    shape.lineTo(x, y);
                }
            }
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            recorder.pathPoint(x3, y3);
            current.setLocation(x3, y3);
            if (shape != null) {
                if (shape.getCurrentPoint() == null) {
                    shape.moveTo(x1, y1);
                }
                shape.curveTo(x1, y1, x2, y2, x3, y3);
            }
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            // the closing segment ends on a point already recorded
            if (shape != null && shape.getCurrentPoint() != null) {
                shape.closePath();
            }
        }

        @Override
        public void endPath() {
            recorder.discardPath();
            if (shape != null) {
                shape.reset();
            }
        }

        @Override
        public void strokePath() {
            painted(true);
        }

        @Override
        public void fillPath(int windingRule) {
            painted(false);
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            painted(true);
        }

        @Override
        public void shadingFill(COSName shadingName) {
            // a shading paints an area, not a path with anchors
        }
    }
}
