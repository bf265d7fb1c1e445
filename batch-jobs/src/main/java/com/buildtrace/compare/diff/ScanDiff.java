package com.buildtrace.compare.diff;

import com.buildtrace.compare.raster.GrayBand;
import com.buildtrace.compare.raster.OpenCv;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The diff of two scans, on grey values rather than on ink masks: a pixel of one scan is a change when it is
 * dark and the other scan has nothing nearly as dark near it. A grey line that one scan puts just below the
 * ink threshold and the other just above is no change, and a line taken out of a grey fill still is. Runs
 * in OpenCV (native, a few passes over the band); every Mat is released here.
 */
final class ScanDiff {

    /** How much lighter than a dark pixel the other scan must be all around it, in grey levels. */
    static final int CONTRAST = 64;

    private ScanDiff() {
    }

    /**
     * out |= pixels of {@code a} darker than {@code darkBelow} with nothing within {@code r} pixels in
     * {@code b} that is less than {@link #CONTRAST} lighter; for the core rows.
     */
    static void changes(GrayBand a, GrayBand b, int darkBelow, int r, Bitmap out, int marginTop) {
        OpenCv.ensureLoaded();
        List<Mat> owned = new ArrayList<>();
        try {
            Mat ma = mat(a, owned);
            Mat mb = mat(b, owned);
            Mat lightestNear = new Mat();
            owned.add(lightestNear);
            // the darkest value of b around each pixel
            Imgproc.erode(mb, lightestNear, Imgproc.getStructuringElement(Imgproc.MORPH_RECT,
                    new Size(2 * r + 1, 2 * r + 1)));
            Mat gap = new Mat();
            owned.add(gap);
            Core.subtract(lightestNear, ma, gap); // saturates at 0 where b is as dark
            Mat contrasted = new Mat();
            owned.add(contrasted);
            Imgproc.threshold(gap, contrasted, CONTRAST - 1, 255, Imgproc.THRESH_BINARY);
            Mat dark = new Mat();
            owned.add(dark);
            Imgproc.threshold(ma, dark, darkBelow - 1, 255, Imgproc.THRESH_BINARY_INV);
            Mat changed = new Mat();
            owned.add(changed);
            Core.bitwise_and(contrasted, dark, changed);
            Core.bitwise_not(changed, changed, new Mat());
            int w = a.width();
            byte[] bytes = new byte[w * a.rows()];
            changed.get(0, 0, bytes);
            Bitmap part = new Bitmap(w, out.height());
            Bitmap.threshold(bytes, marginTop * w, w, out.height(), 128, 128, part, null);
            long[] ow = out.words();
            long[] pw = part.words();
            for (int i = 0; i < ow.length; i++) {
                ow[i] |= pw[i];
            }
        } finally {
            owned.forEach(Mat::release);
        }
    }

    private static Mat mat(GrayBand band, List<Mat> owned) {
        Mat m = new Mat(band.rows(), band.width(), CvType.CV_8UC1);
        owned.add(m);
        m.put(0, 0, band.pixels(), 0, band.width() * band.rows());
        return m;
    }
}
