package com.buildtrace.compare.diff;

import com.buildtrace.compare.raster.GrayBand;
import com.buildtrace.compare.raster.OpenCv;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Prepares a scan for comparison: a 3 x 3 median drops scanner speckle, and each pixel is then expressed as
 * how much darker it is than the paper around it (the lightest value within a few points). Ink is then
 * what stands out from its own background, whatever the scanner's exposure, a tinted plot or a grey
 * "existing work" pen style, so two revisions plotted in different tones still compare line for line.
 * Works in strips of rows, so that its OpenCV buffers stay small whatever the band.
 */
final class Speckle {

    /** Rows per strip. */
    static final int STRIP_ROWS = 512;

    private Speckle() {
    }

    /**
     * Rewrites the band in place: 255 - (background - pixel), so paper is 255 and ink is as dark as it
     * stands out.
     *
     * @param backgroundPx radius of the neighbourhood the paper level is taken from
     */
    static void flatten(GrayBand band, int backgroundPx) {
        OpenCv.ensureLoaded();
        int w = band.width();
        int rows = band.rows();
        int margin = backgroundPx + 2;
        byte[] px = band.pixels();
        // original (not yet rewritten) rows just above the current strip, which it needs as context
        byte[] above = new byte[0];
        int aboveFrom = 0;
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT,
                new Size(2 * backgroundPx + 1, 2 * backgroundPx + 1));
        try {
            for (int s = 0; s < rows; s += STRIP_ROWS) {
                int e = Math.min(rows, s + STRIP_ROWS);
                int a = Math.max(0, s - margin);
                int b = Math.min(rows, e + margin);
                byte[] in = new byte[(b - a) * w];
                System.arraycopy(above, (a - aboveFrom) * w, in, 0, (s - a) * w);
                System.arraycopy(px, s * w, in, (s - a) * w, (b - s) * w);
                byte[] out = flattenStrip(in, w, b - a, kernel);
                int keepFrom = Math.max(s, e - margin);
                above = new byte[(e - keepFrom) * w];
                System.arraycopy(px, keepFrom * w, above, 0, above.length);
                aboveFrom = keepFrom;
                System.arraycopy(out, (s - a) * w, px, s * w, (e - s) * w);
            }
        } finally {
            kernel.release();
        }
    }

    private static byte[] flattenStrip(byte[] in, int w, int h, Mat kernel) {
        Mat src = new Mat(h, w, CvType.CV_8UC1);
        Mat smooth = new Mat();
        Mat paper = new Mat();
        try {
            src.put(0, 0, in);
            Imgproc.medianBlur(src, smooth, 3);
            Imgproc.dilate(smooth, paper, kernel);
            Core.subtract(paper, smooth, src);   // how much darker than the paper
            Core.bitwise_not(src, src);          // 255 - that: paper white, ink dark
            byte[] out = new byte[in.length];
            src.get(0, 0, out);
            return out;
        } finally {
            src.release();
            smooth.release();
            paper.release();
        }
    }
}
