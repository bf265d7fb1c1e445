package com.buildtrace.compare.clouds;

import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.geom.Transforms;
import com.buildtrace.compare.raster.ImageDecoder;
import com.buildtrace.compare.raster.OpenCv;
import com.buildtrace.compare.source.ImageSheet;
import java.awt.geom.AffineTransform;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Predicate;
import org.opencv.core.Mat;

/**
 * Whether anything changed inside a cloud on a scan: dark pixels inside the cloud (clear of its scallops) of
 * one sheet with no dark pixel within a small tolerance at the same place of the other, the old sheet read
 * through the alignment. The raster counterpart of {@link InteriorChanges}; both images are read in grey at the
 * reduction the cloud search uses.
 */
final class RasterInteriorChanges implements Predicate<RevisionCloud> {

    /** Grey level below which a pixel is ink. */
    static final int INK = 128;

    /** How far (pixels of the reduced images) a dark pixel may lie from its counterpart. */
    static final int TOLERANCE_PX = 2;

    private final Gray newImage;

    private final Gray oldImage;

    private final AffineTransform newToOld;

    /**
     * @param oldToNew maps the old sheet's displayed points into the new sheet's
     */
    RasterInteriorChanges(ImageSheet newSheet, ImageSheet oldSheet, AffineTransform oldToNew) {
        OpenCv.ensureLoaded();
        this.newImage = Gray.read(newSheet);
        this.oldImage = Gray.read(oldSheet);
        this.newToOld = Transforms.inverse(oldToNew);
    }

    @Override
    public boolean test(RevisionCloud cloud) {
        Box b = cloud.box();
        double scale = newImage.ptPerPx;
        int x0 = Math.max(0, (int) (b.x() / scale));
        int y0 = Math.max(0, (int) (b.y() / scale));
        int x1 = Math.min(newImage.width - 1, (int) (b.right() / scale));
        int y1 = Math.min(newImage.height - 1, (int) (b.bottom() / scale));
        if (x1 < x0 || y1 < y0) {
            return false;
        }
        boolean[] deep = interior(cloud, x0, y0, x1 - x0 + 1, y1 - y0 + 1, scale);
        long interior = 0;
        long unmatched = 0;
        double[] pt = new double[2];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (!deep[(y - y0) * (x1 - x0 + 1) + (x - x0)]) {
                    continue;
                }
                interior++;
                pt[0] = (x + 0.5) * scale;
                pt[1] = (y + 0.5) * scale;
                newToOld.transform(pt, 0, pt, 0, 1);
                int ox = (int) (pt[0] / oldImage.ptPerPx);
                int oy = (int) (pt[1] / oldImage.ptPerPx);
                if (newImage.ink(x, y) && !oldImage.inkNear(ox, oy)
                        || oldImage.ink(ox, oy) && !newImage.inkNear(x, y)) {
                    unmatched++;
                }
            }
        }
        return interior > 0 && unmatched >= Math.max(25, interior / 1000);
    }

    /**
     * The pixels of a box inside the cloud and clear of its scallops: the cloud's polygon filled, its outline
     * drawn over it as wide as the scallops reach.
     */
    private static boolean[] interior(RevisionCloud cloud, int x0, int y0, int w, int h, double scale) {
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        try {
            g.scale(1 / scale, 1 / scale);
            g.translate(-x0 * scale, -y0 * scale);
            g.setColor(Color.WHITE);
            g.fill(cloud.polygon());
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke((float) (1.5 * cloud.scallopPt())));
            g.draw(cloud.polygon());
        } finally {
            g.dispose();
        }
        byte[] px = ((java.awt.image.DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        boolean[] deep = new boolean[w * h];
        for (int i = 0; i < deep.length; i++) {
            deep[i] = px[i] != 0;
        }
        return deep;
    }

    /** A grey image read at the cloud search's reduction, with its scale. */
    private static final class Gray {
        final byte[] pixels;
        final int width;
        final int height;
        final double ptPerPx;

        private Gray(byte[] pixels, int width, int height, double ptPerPx) {
            this.pixels = pixels;
            this.width = width;
            this.height = height;
            this.ptPerPx = ptPerPx;
        }

        static Gray read(ImageSheet sheet) {
            Mat mat = ImageDecoder.read(sheet, RasterCloudDetector.reduction(sheet), false);
            try {
                if (mat.empty() || mat.channels() != 1) {
                    return new Gray(new byte[] {(byte) 255}, 1, 1, 1);
                }
                byte[] pixels = new byte[mat.cols() * mat.rows()];
                mat.get(0, 0, pixels);
                return new Gray(pixels, mat.cols(), mat.rows(), sheet.widthPt() / mat.cols());
            } finally {
                mat.release();
            }
        }

        boolean ink(int x, int y) {
            return x >= 0 && y >= 0 && x < width && y < height && (pixels[y * width + x] & 0xFF) < INK;
        }

        boolean inkNear(int x, int y) {
            for (int dy = -TOLERANCE_PX; dy <= TOLERANCE_PX; dy++) {
                for (int dx = -TOLERANCE_PX; dx <= TOLERANCE_PX; dx++) {
                    if (ink(x + dx, y + dy)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
