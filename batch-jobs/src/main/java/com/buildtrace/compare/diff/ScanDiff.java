package com.buildtrace.compare.diff;

import com.buildtrace.compare.raster.GrayBand;
import com.buildtrace.compare.raster.OpenCv;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Grey-level confirmation of changes between two scans (flattened by {@link Speckle}): a pixel of one scan
 * counts when it is ink and the other scan has nothing nearly as dark near it. Threshold flicker (a faint
 * line just inside the ink threshold on one scan, just outside on the other) does not pass this test; a
 * line that is really gone does. Runs in OpenCV in strips of rows; every Mat is released here.
 */
final class ScanDiff {

    /** How much lighter than an ink pixel the other scan must be all around it, in grey levels. */
    static final int CONTRAST = 64;

    private ScanDiff() {
    }

    /**
     * out |= pixels of {@code a} darker than {@code darkBelow} with nothing within {@code r} pixels in
     * {@code b} that is less than {@link #CONTRAST} lighter, for the core rows (starting {@code marginTop}
     * rows into the bands).
     */
    static void changes(GrayBand a, GrayBand b, int darkBelow, int r, Bitmap out, int marginTop) {
        OpenCv.ensureLoaded();
        int w = a.width();
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2 * r + 1, 2 * r + 1));
        try {
            for (int s = 0; s < out.height(); s += Speckle.STRIP_ROWS) {
                int e = Math.min(out.height(), s + Speckle.STRIP_ROWS);
                // band rows of the strip, with r rows of context where the band has them
                int from = Math.max(0, marginTop + s - r);
                int to = Math.min(a.rows(), marginTop + e + r);
                byte[] changed = strip(a, b, from, to, darkBelow, kernel);
                Bitmap part = new Bitmap(w, e - s);
                Bitmap.threshold(changed, (marginTop + s - from) * w, w, e - s, 128, 128, part, null);
                long[] ow = out.words();
                long[] pw = part.words();
                int offset = s * out.wordsPerRow();
                for (int i = 0; i < pw.length; i++) {
                    ow[offset + i] |= pw[i];
                }
            }
        } finally {
            kernel.release();
        }
    }

    /** Rows [from, to) of the result: 0 where a pixel of a is a confirmed change, 255 elsewhere. */
    private static byte[] strip(GrayBand a, GrayBand b, int from, int to, int darkBelow, Mat kernel) {
        List<Mat> owned = new ArrayList<>();
        try {
            int w = a.width();
            Mat ma = rows(a, from, to, owned);
            Mat mb = rows(b, from, to, owned);
            Mat darkestNear = new Mat();
            owned.add(darkestNear);
            Imgproc.erode(mb, darkestNear, kernel);
            Core.subtract(darkestNear, ma, darkestNear); // how much lighter b is around a's pixel; 0 if darker
            Imgproc.threshold(darkestNear, darkestNear, CONTRAST - 1, 255, Imgproc.THRESH_BINARY);
            Imgproc.threshold(ma, ma, darkBelow - 1, 255, Imgproc.THRESH_BINARY_INV);
            Core.bitwise_and(darkestNear, ma, ma);
            Core.bitwise_not(ma, ma);
            byte[] out = new byte[(to - from) * w];
            ma.get(0, 0, out);
            return out;
        } finally {
            owned.forEach(Mat::release);
        }
    }

    private static Mat rows(GrayBand band, int from, int to, List<Mat> owned) {
        Mat m = new Mat(to - from, band.width(), CvType.CV_8UC1);
        owned.add(m);
        m.put(0, 0, band.pixels(), from * band.width(), (to - from) * band.width());
        return m;
    }
}
