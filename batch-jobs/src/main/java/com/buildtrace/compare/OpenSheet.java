package com.buildtrace.compare;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.raster.GrayBand;
import com.buildtrace.compare.raster.GrayImage;
import com.buildtrace.compare.raster.ImageRasterizer;
import com.buildtrace.compare.raster.PageRasterizer;
import com.buildtrace.compare.raster.PdfRasterizer;
import com.buildtrace.compare.source.SheetSource;
import java.awt.geom.AffineTransform;
import java.util.function.Supplier;

/**
 * A sheet ready to be compared: a rasterizer and, for PDF pages, the page content, which is either known
 * already (read when the sheet was identified), recorded while the sheet renders, or read on demand. Holds
 * an open document lent by the pool until closed.
 */
final class OpenSheet implements AutoCloseable {

    private final SheetSource source;

    private final PageRasterizer rasterizer;

    private final GrayImage image;

    private final Supplier<PageContent> scan;

    private final Runnable release;

    private PageContent content;

    /**
     * @param content the page content when already known, else null
     * @param scan reads the content when it is needed and not known
     * @param image the decoded image of a raster sheet, else null
     */
    OpenSheet(SheetSource source, PageRasterizer rasterizer, GrayImage image, PageContent content,
              Supplier<PageContent> scan, Runnable release) {
        this.source = source;
        this.rasterizer = rasterizer;
        this.image = image;
        this.content = content;
        this.scan = scan;
        this.release = release;
    }

    SheetSource source() {
        return source;
    }

    /** True when the content is known without reading the page again. */
    synchronized boolean hasContent() {
        return content != null;
    }

    /** The page content (empty for images), read now if not known yet. */
    synchronized PageContent content() {
        if (content == null) {
            content = scan.get();
        }
        return content;
    }

    /** True for scans: an image file, or a PDF page that is one big image. */
    boolean isRaster() {
        return image != null || content().isRasterOnly();
    }

    /** Resolution of the scan: the decoded image's, or the page image's of a scanned PDF page; else 0. */
    double imageDpi() {
        if (image != null) {
            return image.dpi();
        }
        return isRaster() ? content().imageDpi() : 0;
    }

    /**
     * True when the page is small enough in content to be read before rendering at no real cost (a scanned
     * page is one image and a few operators), so that a scan is known as one before its resolution is chosen.
     */
    boolean cheapToRead() {
        return rasterizer instanceof PdfRasterizer pdf && pdf.contentBytes() < 4096;
    }

    /**
     * Renders the sheet into a band for comparison (no anti-aliasing); when the content is not known yet and
     * {@code record} is set, it is recorded on the way.
     */
    void render(AffineTransform toFrame, double dpi, GrayBand band, boolean record) {
        if (record && rasterizer instanceof PdfRasterizer pdf && !hasContent()) {
            PageContent recorded = pdf.rasterizeRecording(toFrame, dpi, band);
            synchronized (this) {
                if (content == null) {
                    content = recorded;
                }
            }
            return;
        }
        rasterizer.rasterize(toFrame, dpi, band, false);
    }

    /** True when this sheet was last drawn by the fast vector renderer rather than PDFBox's. */
    boolean drawnFast() {
        return rasterizer instanceof PdfRasterizer pdf && pdf.usedFastPath();
    }

    /** From now on draws with PDFBox's renderer, so that two sheets of a pair are drawn by the same one. */
    void drawWithPdfBoxOnly() {
        if (rasterizer instanceof PdfRasterizer pdf) {
            pdf.usePdfBoxOnly();
        }
    }

    /** True for PDF pages (not images). */
    boolean isPdf() {
        return rasterizer instanceof PdfRasterizer;
    }

    /** The whole sheet, anti-aliased, at {@code dpi}: for alignment and fingerprints. */
    GrayImage preview(double dpi) {
        int w = Math.max(1, (int) Math.ceil(source.widthPt() * dpi / 72));
        int h = Math.max(1, (int) Math.ceil(source.heightPt() * dpi / 72));
        GrayBand band = new GrayBand(new byte[w * h], w, 0, h);
        PageRasterizer r = rasterizer;
        if (image != null && image.dpi() > 2 * dpi) {
            // average blocks first: bilinear sampling alone would drop thin lines
            r = new ImageRasterizer(image.reduce((int) (image.dpi() / dpi)));
        }
        r.rasterize(new AffineTransform(), dpi, band, true);
        return new GrayImage(band.pixels(), w, h, dpi);
    }

    @Override
    public void close() {
        release.run();
    }
}
