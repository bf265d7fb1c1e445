package com.buildtrace.compare.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The streaming encoder writes PNGs that a standard decoder reads back pixel for pixel. */
class PngWriterTests {

    @Test
    void greyImageRoundTrips() throws IOException {
        int w = 37;
        int h = 11;
        byte[] px = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PngWriter png = PngWriter.gray(out, w, h, 150)) {
            for (int y = 0; y < h; y++) {
                png.writeRow(px, y * w);
            }
        }

        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getRaster().getSample(5, 3, 0)).isEqualTo((3 * w + 5) * 7 & 0xFF);
        assertThat(img.getRaster().getSample(36, 10, 0)).isEqualTo((10 * w + 36) * 7 & 0xFF);
    }

    @Test
    void fourBitPaletteImageRoundTrips() throws IOException {
        int w = 5;
        byte[] row = {(byte) 0x01, (byte) 0x23, (byte) 0x40};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PngWriter png = PngWriter.palette(out, w, 1, 4, OverlayRenderer.PALETTE, 300)) {
            png.writeRow(row, 0);
        }

        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(OverlayRenderer.PALETTE[0]);
        assertThat(img.getRGB(3, 0) & 0xFFFFFF).isEqualTo(OverlayRenderer.PALETTE[3]);
        assertThat(img.getRGB(4, 0) & 0xFFFFFF).isEqualTo(OverlayRenderer.PALETTE[4]);
    }
}
