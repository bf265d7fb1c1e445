package com.buildtrace.compare.raster;

import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.compare.source.ImageSheet;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes raster sheets straight to 8-bit grey with OpenCV (libpng, libjpeg, libtiff), so that a large RGB
 * scan never exists in memory at 3 or 4 bytes per pixel.
 */
public final class ImageDecoder {

    /**
     * Decodes a sheet.
     *
     * @param maxDpi decode at a reduced size (1/2, 1/4, 1/8) when the image is that much finer than needed
     * @throws DrawingInputException when the image cannot be decoded
     */
    public GrayImage decode(ImageSheet sheet, double maxDpi) {
        sheet.requireUsable();
        OpenCv.ensureLoaded();
        int reduction = 1;
        while (reduction < 8 && sheet.dpi() / (reduction * 2) >= maxDpi) {
            reduction *= 2;
        }
        Mat mat = read(sheet, reduction, false);
        try {
            if (mat.empty() || mat.channels() != 1) {
                throw new DrawingInputException(sheet.file(), sheet.pageIndex(),
                        "the image cannot be decoded (corrupt or truncated)", null);
            }
            int w = mat.cols();
            int h = mat.rows();
            byte[] pixels = new byte[w * h];
            mat.get(0, 0, pixels);
            // the decoded size may round differently than width / reduction
            return new GrayImage(pixels, w, h, sheet.dpi() * w / (double) sheet.widthPx());
        } finally {
            mat.release();
        }
    }

    /**
     * Reads a sheet's image reduced 1, 2, 4 or 8 times, in grey or in colour (BGR). The caller releases it; an
     * image that cannot be decoded comes back empty.
     */
    public static Mat read(ImageSheet sheet, int reduction, boolean colour) {
        String path = sheet.file().toAbsolutePath().toString();
        if (sheet.pageIndex() == 0) {
            int flag = colour ? switch (reduction) {
                case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
                case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
                case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
                default -> Imgcodecs.IMREAD_COLOR;
            } : switch (reduction) {
                case 2 -> Imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
                case 4 -> Imgcodecs.IMREAD_REDUCED_GRAYSCALE_4;
                case 8 -> Imgcodecs.IMREAD_REDUCED_GRAYSCALE_8;
                default -> Imgcodecs.IMREAD_GRAYSCALE;
            };
            return Imgcodecs.imread(path, flag);
        }
        List<Mat> pages = new ArrayList<>();
        Imgcodecs.imreadmulti(path, pages, sheet.pageIndex(), 1,
                colour ? Imgcodecs.IMREAD_COLOR : Imgcodecs.IMREAD_GRAYSCALE);
        if (pages.isEmpty()) {
            return new Mat();
        }
        Mat page = pages.get(0);
        if (reduction > 1) {
            Mat small = new Mat();
            org.opencv.imgproc.Imgproc.resize(page, small, new org.opencv.core.Size(
                    page.cols() / reduction, page.rows() / reduction), 0, 0, org.opencv.imgproc.Imgproc.INTER_AREA);
            page.release();
            return small;
        }
        return page;
    }
}
