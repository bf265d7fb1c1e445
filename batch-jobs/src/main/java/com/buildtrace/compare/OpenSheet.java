package com.buildtrace.compare;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.raster.GrayBand;
import com.buildtrace.compare.raster.GrayImage;
import com.buildtrace.compare.raster.PageRasterizer;
import com.buildtrace.compare.source.SheetSource;
import java.awt.geom.AffineTransform;

/**
 * A sheet ready to be compared: its content (empty for images) and a rasterizer. Holds an open document
 * lent by the pool until closed.
 */
final class OpenSheet implements AutoCloseable {

    private final SheetSource source;

    private final PageContent content;

    private final PageRasterizer rasterizer;

    private final GrayImage image;

    private final AutoCloseable lease;

    OpenSheet(SheetSource source, PageContent content, PageRasterizer rasterizer, GrayImage image,
              AutoCloseable lease) {
        this.source = source;
        this.content = content;
        this.rasterizer = rasterizer;
        this.image = image;
        this.lease = lease;
    }

    SheetSource source() {
        return source;
    }

    PageContent content() {
        return content;
    }

    PageRasterizer rasterizer() {
        return rasterizer;
    }

    /** True for scans: an image file, or a PDF page that is one big image. */
    boolean isRaster() {
        return image != null || content.isRasterOnly();
    }

    /** Resolution of the decoded image, or 0 for vector sheets. */
    double imageDpi() {
        return image == null ? 0 : image.dpi();
    }

    /** The whole sheet, anti-aliased, at {@code dpi}: for alignment and fingerprints. */
    GrayImage preview(double dpi) {
        int w = Math.max(1, (int) Math.ceil(source.widthPt() * dpi / 72));
        int h = Math.max(1, (int) Math.ceil(source.heightPt() * dpi / 72));
        GrayBand band = new GrayBand(new byte[w * h], w, 0, h);
        PageRasterizer r = rasterizer;
        if (image != null && image.dpi() > 2 * dpi) {
            // average blocks first: bilinear sampling alone would drop thin lines
            r = new com.buildtrace.compare.raster.ImageRasterizer(image.reduce((int) (image.dpi() / dpi)));
        }
        r.rasterize(new AffineTransform(), dpi, band, true);
        return new GrayImage(band.pixels(), w, h, dpi);
    }

    @Override
    public void close() {
        if (lease != null) {
            try {
                lease.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
