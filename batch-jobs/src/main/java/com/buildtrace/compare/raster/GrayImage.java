package com.buildtrace.compare.raster;

/**
 * A whole 8-bit grey image (0 = black), row after row.
 *
 * @param pixels width * height bytes
 * @param width pixels per row
 * @param height rows
 * @param dpi resolution: pixels per inch of the sheet
 */
public record GrayImage(byte[] pixels, int width, int height, double dpi) {

    public GrayImage {
        if (width <= 0 || height <= 0 || pixels.length < (long) width * height) {
            throw new IllegalArgumentException("image " + width + " x " + height + " does not fit " + pixels.length
                    + " bytes");
        }
        if (!(dpi > 0)) {
            throw new IllegalArgumentException("dpi must be positive: " + dpi);
        }
    }

    /** This image reduced by an integer factor, each pixel the mean of its block (thin lines stay visible). */
    public GrayImage reduce(int factor) {
        if (factor <= 1) {
            return this;
        }
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        byte[] out = new byte[w * h];
        int[] sums = new int[w];
        int area = factor * factor;
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(sums, 0);
            for (int dy = 0; dy < factor; dy++) {
                int row = (y * factor + dy) * width;
                for (int x = 0; x < w; x++) {
                    int s = 0;
                    int o = row + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        s += pixels[o + dx] & 0xFF;
                    }
                    sums[x] += s;
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (sums[x] / area);
            }
        }
        return new GrayImage(out, w, h, dpi / factor);
    }
}
