package com.buildtrace.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import com.buildtrace.compare.geom.Box;

/**
 * Renders PDF pages with poppler's {@code pdftoppm} (Debian package poppler-utils, installed by .ci/run), the
 * way a PDF viewer other than PDFBox draws them: annotations included, from their appearance streams.
 */
public final class Poppler {

    private Poppler() {
    }

    /**
     * Renders one page.
     *
     * @param page 1-based page number
     * @param prefix where the PNG goes (prefix.png)
     */
    public static BufferedImage render(Path pdf, int page, int dpi, Path prefix) throws IOException,
            InterruptedException {
        Process p = new ProcessBuilder(List.of("pdftoppm", "-r", String.valueOf(dpi), "-f", String.valueOf(page),
                "-l", String.valueOf(page), "-png", "-singlefile", pdf.toString(), prefix.toString()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("pdftoppm failed on page " + page + " of " + pdf + ": " + output);
        }
        Path png = Path.of(prefix + ".png");
        if (!Files.isRegularFile(png)) {
            throw new IOException("pdftoppm wrote no " + png + ": " + output);
        }
        return ImageIO.read(png.toFile());
    }

    /** Pixels of the box (in pixels) close to a colour. */
    public static int count(BufferedImage image, Box box, Color color) {
        int n = 0;
        for (int y = Math.max(0, (int) box.y()); y <= Math.min(image.getHeight() - 1, box.bottom()); y++) {
            for (int x = Math.max(0, (int) box.x()); x <= Math.min(image.getWidth() - 1, box.right()); x++) {
                if (matches(image.getRGB(x, y), color)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * True when a pixel is a colour (saturated, not a grey of the drawing) within 60 of the given one per
     * channel: anti-aliased edges of a stroke count.
     */
    public static boolean matches(int rgb, Color color) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int saturation = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
        return saturation >= 60 && Math.abs(r - color.getRed()) <= 60 && Math.abs(g - color.getGreen()) <= 60
                && Math.abs(b - color.getBlue()) <= 60;
    }
}
