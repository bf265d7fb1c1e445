package com.buildtrace.compare.content;

import com.buildtrace.compare.source.PdfPages;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Collects what a content stream draws, as a stream engine reports it: visible glyphs and the end points
 * of painted paths, in displayed coordinates. Fed by a plain scan ({@link PageContentScanner}) or by the
 * renderer while it draws, so that a page rendered anyway needs no second pass to be read.
 */
public final class ContentRecorder {

    /** Anchors kept per page at most; denser pages are thinned evenly. */
    static final int MAX_ANCHORS = 200_000;

    private final PDPage page;

    private final AffineTransform toDisplay;

    private final List<PageContentScanner.Glyph> glyphs = new ArrayList<>();

    private float[] anchorBuf = new float[4096];

    private int anchorLen;

    private int stride = 1;

    private long strideCounter;

    private float[] pathBuf = new float[256];

    private int pathLen;

    private long pathPoints;

    private double imageArea;

    private double largestImageArea;

    private double largestImageDpi;

    private final PathSink paths;

    public ContentRecorder(PDPage page) {
        this(page, null);
    }

    /** A recorder that also hands every painted path, whole, to {@code paths}. */
    public ContentRecorder(PDPage page, PathSink paths) {
        this.page = page;
        this.toDisplay = PdfPages.userToDisplay(page);
        this.paths = paths;
    }

    /** True when painted paths are wanted whole ({@link #path}). */
    public boolean wantsPaths() {
        return paths != null;
    }

    /** A painted path, whole, in user space: passed on to the path sink, if any. */
    public void path(java.awt.Shape userPath, boolean stroked) {
        if (paths != null) {
            paths.painted(userPath, toDisplay, stroked);
        }
    }

    /** A glyph shown with the text rendering matrix {@code trm} (text space to user space). */
    public void glyph(Matrix trm, PDFont font, int code, Vector displacement, RenderingMode mode)
            throws java.io.IOException {
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
            c * descent + e, d * descent + f,           // the glyph box corners
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
        glyphs.add(new PageContentScanner.Glyph(text, p[0], p[1], p[2], p[3], size, minX, minY, maxX, maxY));
    }

    /** A point of the path being built, in user space. */
    public void pathPoint(float x, float y) {
        if (pathLen + 2 > pathBuf.length) {
            pathBuf = Arrays.copyOf(pathBuf, pathBuf.length * 2);
        }
        pathBuf[pathLen++] = x;
        pathBuf[pathLen++] = y;
    }

    /** A rectangle appended to the path, by its four corners in user space. */
    public void rectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2,
                          java.awt.geom.Point2D p3) {
        pathPoint((float) p0.getX(), (float) p0.getY());
        pathPoint((float) p1.getX(), (float) p1.getY());
        pathPoint((float) p2.getX(), (float) p2.getY());
        pathPoint((float) p3.getX(), (float) p3.getY());
    }

    /** The path was painted: its points become anchors. */
    public void paintPath() {
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
                    anchorBuf = Arrays.copyOf(anchorBuf, Math.min(2 * MAX_ANCHORS, anchorBuf.length * 2));
                }
            }
            anchorBuf[anchorLen++] = (float) pt[0];
            anchorBuf[anchorLen++] = (float) pt[1];
        }
        pathLen = 0;
    }

    /** The path was only used to clip, or dropped. */
    public void discardPath() {
        pathLen = 0;
    }

    /**
     * An image of {@code widthPx} x {@code heightPx} pixels drawn with the current transformation matrix (which
     * maps the unit square to the image's place in user space).
     */
    public void image(Matrix ctm, int widthPx, int heightPx) {
        double area = Math.abs(ctm.getScaleX() * (double) ctm.getScaleY() - ctm.getShearX() * (double) ctm.getShearY());
        imageArea += area;
        if (area > largestImageArea && area > 0) {
            largestImageArea = area;
            // pixels per point along the image's width, as drawn
            double widthPt = Math.hypot(ctm.getScaleX(), ctm.getShearY());
            largestImageDpi = widthPt > 0 ? widthPx / widthPt * 72 : 0;
        }
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

    /** What was recorded. */
    public PageContent content() {
        List<Word> words = WordBuilder.words(glyphs);
        WordBuilder.Lines lines = WordBuilder.lines(words);
        double pageArea = page.getCropBox().getWidth() * (double) page.getCropBox().getHeight();
        double coverage = pageArea > 0 ? Math.min(1, imageArea / pageArea) : 0;
        return new PageContent(lines.words(), lines.count(), Arrays.copyOf(anchorBuf, anchorLen), pathPoints,
                coverage, largestImageDpi);
    }
}
