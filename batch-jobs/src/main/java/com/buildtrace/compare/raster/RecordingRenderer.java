package com.buildtrace.compare.raster;

import com.buildtrace.compare.content.ContentRecorder;
import java.awt.geom.Point2D;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/** A PDFBox renderer whose page drawer also tells a {@link ContentRecorder} what it draws. */
final class RecordingRenderer extends PDFRenderer {

    private final ContentRecorder recorder;

    RecordingRenderer(PDDocument document, ContentRecorder recorder) {
        super(document);
        this.recorder = recorder;
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new Drawer(parameters, recorder);
    }

    private static final class Drawer extends PageDrawer {

        private final ContentRecorder recorder;

        Drawer(PageDrawerParameters parameters, ContentRecorder recorder) throws IOException {
            super(parameters);
            this.recorder = recorder;
        }

        @Override
        protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
            super.showGlyph(trm, font, code, displacement);
            recorder.glyph(trm, font, code, displacement, getGraphicsState().getTextState().getRenderingMode());
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            super.appendRectangle(p0, p1, p2, p3);
            recorder.rectangle(p0, p1, p2, p3);
        }

        @Override
        public void moveTo(float x, float y) {
            super.moveTo(x, y);
            recorder.pathPoint(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            super.lineTo(x, y);
            recorder.pathPoint(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            super.curveTo(x1, y1, x2, y2, x3, y3);
            recorder.pathPoint(x3, y3);
        }

        @Override
        public void strokePath() throws IOException {
            recorder.paintPath();
            super.strokePath();
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            recorder.paintPath();
            super.fillPath(windingRule);
        }

        @Override
        public void endPath() {
            recorder.discardPath();
            super.endPath();
        }

        @Override
        public void drawImage(PDImage pdImage) throws IOException {
            recorder.image(getGraphicsState().getCurrentTransformationMatrix(), pdImage.getWidth(), pdImage.getHeight());
            super.drawImage(pdImage);
        }
    }
}
