package com.buildtrace.compare.align;

import com.buildtrace.compare.raster.GrayImage;
import com.buildtrace.compare.raster.OpenCv;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.core.TermCriteria;
import org.opencv.imgproc.Imgproc;
import org.opencv.video.Video;

/**
 * Aligns by pixels: OpenCV's enhanced correlation coefficient (ECC) with an affine model on a small pyramid
 * of anti-aliased previews, started from a phase-correlation shift. For scans and for vector sheets without
 * enough text or path points. Previews are kept small (a few megapixels) and every Mat is released here.
 */
final class EccAligner {

    /** Finest preview resolution. */
    static final double MAX_DPI = 72;

    /** Finest preview size (pixels on the long side). */
    static final int MAX_SIDE_PX = 2200;

    /** Result of a pixel alignment. */
    record Result(AffineTransform transform, double correlation) {
    }

    /** The alignment, or null when ECC does not converge. */
    Result align(AlignmentInput oldSheet, AlignmentInput newSheet) {
        double side = Math.max(Math.max(oldSheet.widthPt(), oldSheet.heightPt()),
                Math.max(newSheet.widthPt(), newSheet.heightPt()));
        double dpi = Math.min(MAX_DPI, MAX_SIDE_PX * 72.0 / side);
        GrayImage oldPreview = oldSheet.preview().apply(dpi);
        GrayImage newPreview = newSheet.preview().apply(dpi);
        OpenCv.ensureLoaded();
        List<Mat> owned = new ArrayList<>();
        try {
            // pyramid: level 0 finest; stop at ~200 px
            List<Mat> oldLevels = new ArrayList<>();
            List<Mat> newLevels = new ArrayList<>();
            Mat oldGray = gray(oldPreview, owned);
            Mat newGray = gray(newPreview, owned);
            oldLevels.add(prepare(oldGray, owned));
            newLevels.add(prepare(newGray, owned));
            while (oldLevels.size() < 4 && Math.max(newLevels.get(newLevels.size() - 1).cols(),
                    newLevels.get(newLevels.size() - 1).rows()) > 400) {
                oldLevels.add(down(oldLevels.get(oldLevels.size() - 1), owned));
                newLevels.add(down(newLevels.get(newLevels.size() - 1), owned));
            }
            int top = newLevels.size() - 1;
            // two starts: the phase-correlation shift (re-plots, scans) and matched features (larger moves,
            // rescaled drawings); the one ECC carries to the better correlation wins
            List<double[]> starts = new ArrayList<>();
            Point shift = phaseShift(newLevels.get(top), oldLevels.get(top), owned);
            starts.add(new double[] {1, 0, shift.x, 0, 1, shift.y});
            double[] byFeatures = FeatureMatch.newToOld(oldGray, newGray);
            if (byFeatures != null) {
                double f = Math.pow(2, -top);
                starts.add(new double[] {byFeatures[0], byFeatures[1], byFeatures[2] * f,
                    byFeatures[3], byFeatures[4], byFeatures[5] * f});
            }
            Mat best = null;
            double bestRho = -1;
            for (double[] start : starts) {
                Mat warp = new Mat(2, 3, CvType.CV_32F);
                owned.add(warp);
                warp.put(0, 0, start);
                double rho = refine(oldLevels, newLevels, warp, owned);
                if (rho > bestRho) {
                    bestRho = rho;
                    best = warp;
                }
            }
            if (best == null || bestRho < 0) {
                return null; // did not converge from any start: the sheets do not correlate
            }
            // warp maps new-preview pixels to old-preview pixels; convert to points and invert
            double s = 72.0 / dpi;
            AffineTransform newToOld = new AffineTransform(best.get(0, 0)[0], best.get(1, 0)[0],
                    best.get(0, 1)[0], best.get(1, 1)[0], best.get(0, 2)[0] * s, best.get(1, 2)[0] * s);
            AffineTransform oldToNew = com.buildtrace.compare.geom.Transforms.inverse(newToOld);
            if (!SimilarityFit.plausible(oldToNew)) {
                return null;
            }
            return new Result(oldToNew, bestRho);
        } finally {
            owned.forEach(Mat::release);
        }
    }

    /**
     * ECC from the top of the pyramid down, starting from {@code warp} (top-level pixels, new to old);
     * returns the final correlation, or -1 when ECC does not converge.
     */
    private static double refine(List<Mat> oldLevels, List<Mat> newLevels, Mat warp, List<Mat> owned) {
        int top = newLevels.size() - 1;
        double rho = -1;
        for (int level = top; level >= 0; level--) {
            if (level < top) {
                warp.put(0, 2, warp.get(0, 2)[0] * 2);
                warp.put(1, 2, warp.get(1, 2)[0] * 2);
            }
            TermCriteria criteria = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS,
                    level == 0 ? 60 : 100, 1e-5);
            Mat mask = new Mat();
            owned.add(mask);
            try {
                rho = Video.findTransformECC(newLevels.get(level), oldLevels.get(level), warp,
                        Video.MOTION_AFFINE, criteria, mask, 5);
            } catch (CvException e) {
                return -1;
            }
        }
        return rho;
    }

    private static Mat gray(GrayImage image, List<Mat> owned) {
        Mat gray = new Mat(image.height(), image.width(), CvType.CV_8UC1);
        owned.add(gray);
        gray.put(0, 0, image.pixels());
        return gray;
    }

    /** Ink as bright float pixels, lightly blurred so that thin lines have a slope ECC can follow. */
    private static Mat prepare(Mat gray, List<Mat> owned) {
        Mat f = new Mat();
        owned.add(f);
        gray.convertTo(f, CvType.CV_32F, -1.0 / 255, 1.0);
        Imgproc.GaussianBlur(f, f, new Size(0, 0), 1.2);
        return f;
    }

    private static Mat down(Mat m, List<Mat> owned) {
        Mat d = new Mat();
        owned.add(d);
        Imgproc.pyrDown(m, d);
        return d;
    }

    /** Shift that moves new-image points onto the old image, by phase correlation on equal-size copies. */
    private static Point phaseShift(Mat newImg, Mat oldImg, List<Mat> owned) {
        int w = Math.max(newImg.cols(), oldImg.cols());
        int h = Math.max(newImg.rows(), oldImg.rows());
        Mat a = pad(newImg, w, h, owned);
        Mat b = pad(oldImg, w, h, owned);
        Mat window = new Mat();
        owned.add(window);
        Imgproc.createHanningWindow(window, new Size(w, h), CvType.CV_32F);
        Point p = Imgproc.phaseCorrelate(a, b, window);
        return p;
    }

    private static Mat pad(Mat m, int w, int h, List<Mat> owned) {
        if (m.cols() == w && m.rows() == h) {
            return m;
        }
        Mat out = new Mat();
        owned.add(out);
        Core.copyMakeBorder(m, out, 0, h - m.rows(), 0, w - m.cols(), Core.BORDER_CONSTANT);
        return out;
    }
}
