package com.buildtrace.compare.diff;

import com.buildtrace.compare.raster.GrayBand;
import com.buildtrace.compare.raster.OpenCv;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Removes scanner speckle: a 3 x 3 median keeps lines and edges, and drops isolated dark or light pixels. */
final class Speckle {

    private Speckle() {
    }

    static void smooth(GrayBand band) {
        OpenCv.ensureLoaded();
        Mat src = new Mat(band.rows(), band.width(), CvType.CV_8UC1);
        Mat dst = new Mat();
        try {
            src.put(0, 0, band.pixels(), 0, band.width() * band.rows());
            Imgproc.medianBlur(src, dst, 3);
            int n = band.width() * band.rows();
            if (band.pixels().length == n) {
                dst.get(0, 0, band.pixels());
            } else {
                byte[] exact = new byte[n];
                dst.get(0, 0, exact);
                System.arraycopy(exact, 0, band.pixels(), 0, n);
            }
        } finally {
            src.release();
            dst.release();
        }
    }
}
