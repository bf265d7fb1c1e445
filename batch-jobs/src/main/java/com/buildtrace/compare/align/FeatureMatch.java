package com.buildtrace.compare.align;

import java.util.ArrayList;
import java.util.List;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDMatch;
import org.opencv.core.MatOfKeyPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.features2d.DescriptorMatcher;
import org.opencv.features2d.ORB;

/**
 * A first guess for large moves: ORB corners of both previews matched by descriptor, and a similarity
 * (shift, uniform scale, rotation) fitted to the matches with RANSAC. Finds a drawing that moved or was
 * rescaled by more than correlation can reach; ECC then refines it. Every Mat is released here.
 */
final class FeatureMatch {

    /** Matches that must agree for the guess to count. */
    static final int MIN_INLIERS = 25;

    private FeatureMatch() {
    }

    /**
     * The transform from new-preview pixels to old-preview pixels as [a, b, tx, c, d, ty] (x_old = a x + b y
     * + tx), or null when the previews do not share enough features.
     */
    static double[] newToOld(Mat oldGray, Mat newGray) {
        List<Mat> owned = new ArrayList<>();
        try {
            ORB orb = ORB.create(3000);
            MatOfKeyPoint kOld = new MatOfKeyPoint();
            MatOfKeyPoint kNew = new MatOfKeyPoint();
            Mat dOld = new Mat();
            Mat dNew = new Mat();
            owned.add(kOld);
            owned.add(kNew);
            owned.add(dOld);
            owned.add(dNew);
            Mat noMask = new Mat();
            owned.add(noMask);
            orb.detectAndCompute(oldGray, noMask, kOld, dOld);
            orb.detectAndCompute(newGray, noMask, kNew, dNew);
            if (dOld.rows() < MIN_INLIERS || dNew.rows() < MIN_INLIERS) {
                return null;
            }
            DescriptorMatcher matcher = DescriptorMatcher.create(DescriptorMatcher.BRUTEFORCE_HAMMING);
            MatOfDMatch matches = new MatOfDMatch();
            owned.add(matches);
            matcher.match(dNew, dOld, matches);
            org.opencv.core.KeyPoint[] pn = kNew.toArray();
            org.opencv.core.KeyPoint[] po = kOld.toArray();
            List<Point> from = new ArrayList<>();
            List<Point> to = new ArrayList<>();
            for (org.opencv.core.DMatch m : matches.toArray()) {
                from.add(pn[m.queryIdx].pt);
                to.add(po[m.trainIdx].pt);
            }
            if (from.size() < MIN_INLIERS) {
                return null;
            }
            MatOfPoint2f src = new MatOfPoint2f(from.toArray(new Point[0]));
            MatOfPoint2f dst = new MatOfPoint2f(to.toArray(new Point[0]));
            Mat inliers = new Mat();
            owned.add(src);
            owned.add(dst);
            owned.add(inliers);
            Mat model = Calib3d.estimateAffinePartial2D(src, dst, inliers, Calib3d.RANSAC, 3.0);
            owned.add(model);
            if (model.empty() || org.opencv.core.Core.countNonZero(inliers) < MIN_INLIERS) {
                return null;
            }
            double[] m = new double[6];
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r * 3 + c] = model.get(r, c)[0];
                }
            }
            return m;
        } finally {
            owned.forEach(Mat::release);
        }
    }
}
