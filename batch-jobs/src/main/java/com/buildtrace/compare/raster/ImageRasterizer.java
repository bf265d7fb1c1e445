package com.buildtrace.compare.raster;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Draws a decoded raster sheet (a scan) into a band, resampled bilinearly through the frame transform. */
public final class ImageRasterizer implements PageRasterizer {

    private final GrayImage image;

    public ImageRasterizer(GrayImage image) {
        this.image = image;
    }

    @Override
    public void rasterize(AffineTransform sheetToFrame, double dpi, GrayBand band, boolean antialias) {
        band.clear();
        double s = dpi / 72.0;
        AffineTransform t = AffineTransform.getTranslateInstance(0, -band.y0());
        t.scale(s, s);
        t.concatenate(sheetToFrame);
        t.scale(72.0 / image.dpi(), 72.0 / image.dpi());
        if (isWholePixelShift(t)) {
            copyRows(band, (int) Math.rint(t.getTranslateX()), (int) Math.rint(t.getTranslateY()));
            return;
        }
        GrayBand whole = new GrayBand(image.pixels(), image.width(), 0, image.height());
        BufferedImage src = whole.asImage();
        BufferedImage dst = band.asImage();
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
    }

    private static boolean isWholePixelShift(AffineTransform t) {
        return t.getType() == AffineTransform.TYPE_IDENTITY || (t.getType() == AffineTransform.TYPE_TRANSLATION
                && Math.abs(t.getTranslateX() - Math.rint(t.getTranslateX())) < 1e-6
                && Math.abs(t.getTranslateY() - Math.rint(t.getTranslateY())) < 1e-6);
    }

    private void copyRows(GrayBand band, int dx, int dy) {
        byte[] out = band.pixels();
        int w = band.width();
        for (int r = 0; r < band.rows(); r++) {
            int sy = r - dy;
            if (sy < 0 || sy >= image.height()) {
                continue;
            }
            int x0 = Math.max(0, dx);
            int x1 = Math.min(w, image.width() + dx);
            if (x1 > x0) {
                System.arraycopy(image.pixels(), sy * image.width() + (x0 - dx), out, r * w + x0, x1 - x0);
            }
        }
    }
}
