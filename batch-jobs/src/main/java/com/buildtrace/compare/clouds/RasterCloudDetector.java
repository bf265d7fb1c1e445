package com.buildtrace.compare.clouds;

import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.raster.ImageDecoder;
import com.buildtrace.compare.raster.OpenCv;
import com.buildtrace.compare.source.ImageSheet;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.imgproc.Imgproc;

/**
 * Finds revision clouds and delta tags on a raster sheet from its coloured markup: clouds are drawn in colour
 * (red, green, blue) over black line work, so the saturated pixels are separated from the drawing, and every
 * ring among them (an outline with a large hole) is tested with {@link ScallopRing}. Grey scans have no
 * colour to separate and give no marks. Delta tags are coloured triangles; their revision is not read (no OCR).
 */
public final class RasterCloudDetector {

    /** Resolution the image is read at for the search (scallops are a tenth of an inch or more). */
    static final double WORK_DPI = 100;

    /** Longest side of the image searched, in pixels. */
    static final int MAX_SIDE_PX = 7000;

    /** Smallest colour saturation (max - min channel, 0-255) of markup ink. */
    static final int MIN_SATURATION = 70;

    /** Scallop chords between these sizes, in points. */
    static final double MIN_CHORD_PT = 4;

    static final double MAX_CHORD_PT = 108;

    public RevisionMarks detect(ImageSheet sheet) {
        OpenCv.ensureLoaded();
        int reduction = reduction(sheet);
        Mat image = ImageDecoder.read(sheet, reduction, true);
        Mat mask = new Mat();
        try {
            if (image.empty() || image.channels() != 3) {
                return RevisionMarks.none();
            }
            double ptPerPx = 72.0 / (sheet.dpi() * image.cols() / (double) sheet.widthPx());
            saturated(image, mask);
            return marks(mask, ptPerPx);
        } finally {
            image.release();
            mask.release();
        }
    }

    /**
     * How much the image is reduced for the search: to about WORK_DPI, and to no more than MAX_SIDE_PX on its
     * long side (a scan whose file states no resolution is taken as 72 dpi and would otherwise be read whole).
     */
    static int reduction(ImageSheet sheet) {
        int reduction = 1;
        while (reduction < 8 && (sheet.dpi() / (reduction * 2) >= WORK_DPI
                || Math.max(sheet.widthPx(), sheet.heightPx()) / reduction > MAX_SIDE_PX)) {
            reduction *= 2;
        }
        return reduction;
    }

    /** 255 where the pixel is markup colour: saturated, and neither near black nor near white. */
    private static void saturated(Mat bgr, Mat mask) {
        List<Mat> channels = new ArrayList<>();
        Core.split(bgr, channels);
        Mat max = new Mat();
        Mat min = new Mat();
        Mat spread = new Mat();
        try {
            Core.max(channels.get(0), channels.get(1), max);
            Core.max(max, channels.get(2), max);
            Core.min(channels.get(0), channels.get(1), min);
            Core.min(min, channels.get(2), min);
            Core.subtract(max, min, spread);
            Imgproc.threshold(spread, mask, MIN_SATURATION - 1, 255, Imgproc.THRESH_BINARY);
            // strokes broken by black lines drawn over them close again
            Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new org.opencv.core.Size(3, 3));
            Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, kernel);
            kernel.release();
        } finally {
            channels.forEach(Mat::release);
            max.release();
            min.release();
            spread.release();
        }
    }

    private static RevisionMarks marks(Mat mask, double ptPerPx) {
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        try {
            Imgproc.findContours(mask, contours, hierarchy, Imgproc.RETR_CCOMP, Imgproc.CHAIN_APPROX_NONE);
            List<ScallopRing.Ring> rings = new ArrayList<>();
            List<DeltaTag> deltas = new ArrayList<>();
            int[] h = new int[4];
            for (int i = 0; i < contours.size(); i++) {
                hierarchy.get(0, i, h);
                if (h[3] >= 0) {
                    continue; // a hole
                }
                MatOfPoint c = contours.get(i);
                double area = Imgproc.contourArea(c);
                double holes = holeArea(contours, hierarchy, h[2]);
                ScallopRing.Ring ring = holes >= 0.3 * area && area > 0
                        ? ScallopRing.analyse(points(c, ptPerPx), ptPerPx, 3, MIN_CHORD_PT, MAX_CHORD_PT) : null;
                if (ring != null) {
                    rings.add(ring);
                    continue;
                }
                DeltaTag tag = triangle(c, ptPerPx);
                if (tag != null) {
                    deltas.add(tag);
                }
            }
            List<DeltaTag> nearClouds = deltas.stream().filter(d -> rings.stream().anyMatch(
                    r -> r.box().grow(Math.max(12, 2 * r.medianChord())).intersects(d.box()))).toList();
            return CloudMarks.assemble(rings, nearClouds);
        } finally {
            hierarchy.release();
            contours.forEach(Mat::release);
        }
    }

    private static double holeArea(List<MatOfPoint> contours, Mat hierarchy, int child) {
        double sum = 0;
        int[] h = new int[4];
        for (int k = child; k >= 0; k = h[0]) {
            sum += Imgproc.contourArea(contours.get(k));
            hierarchy.get(0, k, h);
        }
        return sum;
    }

    private static double[] points(MatOfPoint c, double scale) {
        int[] xy = new int[(int) c.total() * 2];
        c.get(0, 0, xy);
        double[] out = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            out[i] = (xy[i] + 0.5) * scale;
        }
        return out;
    }

    /** A coloured triangle of delta-tag size, or null. */
    private static DeltaTag triangle(MatOfPoint c, double ptPerPx) {
        org.opencv.core.Rect r = Imgproc.boundingRect(c);
        double w = r.width * ptPerPx;
        double hgt = r.height * ptPerPx;
        if (w < VectorCloudDetector.MIN_DELTA_PT || w > VectorCloudDetector.MAX_DELTA_PT || hgt < 0.6 * w
                || hgt > 1.2 * w) {
            return null;
        }
        MatOfPoint2f curve = new MatOfPoint2f(c.toArray());
        MatOfPoint2f approx = new MatOfPoint2f();
        try {
            Imgproc.approxPolyDP(curve, approx, 0.06 * Imgproc.arcLength(curve, true), true);
            if (approx.total() != 3) {
                return null;
            }
            return new DeltaTag(new Box(r.x * ptPerPx, r.y * ptPerPx, w, hgt), null);
        } finally {
            curve.release();
            approx.release();
        }
    }
}
