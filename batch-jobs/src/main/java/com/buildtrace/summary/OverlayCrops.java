package com.buildtrace.summary;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.overlay.SheetImages;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Crops of a sheet's overlay around its largest change regions, for the model to look at: never the whole
 * sheet (a crop is at most half the sheet's width and height), reduced to a long side of at most
 * {@code maxSide} pixels. Read from the full-resolution overlay where it was written, else from the preview;
 * only the crop's rows and columns are decoded. Reduced so that ink survives: in each block of pixels the most
 * telling one wins (red or blue change over grey ink over paper), as the report's preview does.
 *
 * @param maxCrops crops per sheet at most
 * @param maxSide longest side of a crop, in pixels
 */
record OverlayCrops(int maxCrops, int maxSide) {

    /** Context around a region: at least this much on each side, in points (an inch). */
    private static final double MARGIN_PT = 72;

    /**
     * One crop.
     *
     * @param regionIds regions it shows, the one it was made for first
     * @param box the part of the sheet it shows, in points
     * @param png the image, PNG
     * @param width its width in pixels
     * @param height its height in pixels
     */
    record Crop(List<String> regionIds, Box box, byte[] png, int width, int height) {
    }

    /** The crops of a sheet, largest region first; none when it has no image or no region. */
    List<Crop> crops(Path outDir, PageComparison page) {
        SheetImages images = page.images();
        if (images == null || page.regions().isEmpty() || maxCrops == 0) {
            return List.of();
        }
        boolean full = images.overlay() != null && Files.isRegularFile(outDir.resolve(images.overlay()));
        Path file = outDir.resolve(full ? images.overlay() : images.preview());
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        double[] size = SheetFacts.size(page);
        int imageW = full ? images.width() : images.previewWidth();
        int imageH = full ? images.height() : images.previewHeight();
        double pxPerPt = imageW / size[0];
        List<Crop> crops = new ArrayList<>();
        List<Box> covered = new ArrayList<>();
        for (ChangeRegion r : SheetFacts.bySize(page)) {
            if (crops.size() == maxCrops) {
                break;
            }
            if (covered.stream().anyMatch(b -> contains(b, r.box()))) {
                continue;
            }
            Box box = frame(r.box(), size);
            Rectangle px = new Rectangle((int) Math.floor(box.x() * pxPerPt), (int) Math.floor(box.y() * pxPerPt),
                    (int) Math.ceil(box.width() * pxPerPt), (int) Math.ceil(box.height() * pxPerPt))
                    .intersection(new Rectangle(0, 0, imageW, imageH));
            if (px.isEmpty()) {
                continue;
            }
            BufferedImage image = reduce(read(file, px), maxSide);
            List<String> ids = new ArrayList<>(List.of(r.id()));
            page.regions().stream().filter(o -> !o.id().equals(r.id()) && contains(box, o.box()))
                    .forEach(o -> ids.add(o.id()));
            crops.add(new Crop(ids, box, png(image), image.getWidth(), image.getHeight()));
            covered.add(box);
        }
        return crops;
    }

    /**
     * The part of the sheet to show for a region: the region with a margin, at least a quarter of the
     * shorter side of the sheet across so that the surroundings can be read, at most half the sheet's width
     * and height (centered on the region), inside the sheet.
     */
    static Box frame(Box region, double[] size) {
        double min = Math.min(size[0], size[1]) / 4;
        double w = Math.min(size[0] / 2, Math.max(min, region.width() + 2 * MARGIN_PT));
        double h = Math.min(size[1] / 2, Math.max(min, region.height() + 2 * MARGIN_PT));
        double x = Math.max(0, Math.min(size[0] - w, region.centerX() - w / 2));
        double y = Math.max(0, Math.min(size[1] - h, region.centerY() - h / 2));
        return new Box(x, y, w, h);
    }

    private static boolean contains(Box outer, Box inner) {
        return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.right() <= outer.right()
                && inner.bottom() <= outer.bottom();
    }

    /** Only the rectangle's pixels are kept while the file is decoded. */
    private static BufferedImage read(Path file, Rectangle region) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image: " + file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(region);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Reduced by a whole factor to a long side of at most {@code maxSide}; in each block the most telling pixel. */
    static BufferedImage reduce(BufferedImage src, int maxSide) {
        int f = (int) Math.ceil(Math.max(src.getWidth(), src.getHeight()) / (double) maxSide);
        if (f <= 1) {
            return src;
        }
        int w = (src.getWidth() + f - 1) / f;
        int h = (src.getHeight() + f - 1) / f;
        ColorModel cm = src.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            int[] priority = new int[icm.getMapSize()];
            for (int i = 0; i < priority.length; i++) {
                priority[i] = priority(icm.getRGB(i));
            }
            int n = icm.getMapSize();
            byte[] r = new byte[n];
            byte[] g = new byte[n];
            byte[] b = new byte[n];
            icm.getReds(r);
            icm.getGreens(g);
            icm.getBlues(b);
            // 8 bits a pixel whatever the source packed (a 4-bit palette PNG is read as packed bytes)
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
                    new IndexColorModel(8, n, r, g, b));
            WritableRaster in = src.getRaster();
            WritableRaster o = out.getRaster();
            int[] row = new int[src.getWidth()];
            int[] best = new int[w];
            int[] bestIndex = new int[w];
            for (int by = 0; by < h; by++) {
                java.util.Arrays.fill(best, -1);
                for (int y = by * f; y < Math.min(src.getHeight(), (by + 1) * f); y++) {
                    in.getSamples(0, y, src.getWidth(), 1, 0, row);
                    for (int x = 0; x < row.length; x++) {
                        int p = priority[row[x]];
                        if (p > best[x / f]) {
                            best[x / f] = p;
                            bestIndex[x / f] = row[x];
                        }
                    }
                }
                o.setSamples(0, by, w, 1, 0, bestIndex);
            }
            return out;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int by = 0; by < h; by++) {
            for (int bx = 0; bx < w; bx++) {
                int bestRgb = 0xFFFFFF;
                int best = -1;
                for (int y = by * f; y < Math.min(src.getHeight(), (by + 1) * f); y++) {
                    for (int x = bx * f; x < Math.min(src.getWidth(), (bx + 1) * f); x++) {
                        int rgb = src.getRGB(x, y);
                        if (priority(rgb) > best) {
                            best = priority(rgb);
                            bestRgb = rgb;
                        }
                    }
                }
                out.setRGB(bx, by, bestRgb);
            }
        }
        return out;
    }

    /** Colour (a change) first, then darkness (ink) over paper. */
    private static int priority(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int saturation = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
        return saturation * 4 + 255 - (r * 299 + g * 587 + b * 114) / 1000;
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
