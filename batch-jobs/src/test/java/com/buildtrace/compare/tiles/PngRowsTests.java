package com.buildtrace.compare.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.buildtrace.compare.overlay.OverlayRenderer;
import com.buildtrace.compare.overlay.PngWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNGs read row by row, and pyramids made from PNGs already written. */
class PngRowsTests {

    @TempDir
    Path dir;

    @Test
    void anEightBitGreyPngWithEveryRowFilterIsReadAsSixteenLevels() throws IOException {
        // given: ImageIO's encoder, which filters rows adaptively (sub, up, average, Paeth)
        int w = 123;
        int h = 57;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x * 3 + y * 5) % 256 ^ (random.nextInt(8) == 0 ? 0x40 : 0));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);

        // when
        try (PngRows rows = PngRows.open(new ByteArrayInputStream(png.toByteArray()))) {
            // then
            assertThat(rows.width()).isEqualTo(w);
            assertThat(rows.palette()).isNull();
            byte[] row = new byte[(w + 1) / 2];
            for (int y = 0; y < h; y++) {
                rows.readRow(row, 0);
                for (int x = 0; x < w; x++) {
                    int v = (row[x / 2] >> (x % 2 == 0 ? 4 : 0)) & 0xF;
                    assertThat(v).as("pixel %d, %d", x, y).isEqualTo(img.getRaster().getSample(x, y, 0) >> 4);
                }
            }
        }
    }

    @Test
    void aTrueColourPngIsRefused() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);

        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> PngRows.open(new ByteArrayInputStream(png.toByteArray())))
                .withMessageContaining("only non-interlaced grey or palette");
    }

    @Test
    void thePyramidOfAWrittenOverlayEqualsThePyramidWrittenWithIt() throws IOException {
        // given: an overlay written as the engine writes it (4-bit palette, streaming encoder)
        int w = 700;
        int h = 333;
        int[][] px = TilePyramidWriterTests.overlay(w, h, new Random(9));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        Path direct = dir.resolve("direct.tiles");
        try (PngWriter writer = PngWriter.palette(png, w, h, 4, OverlayRenderer.PALETTE, 300);
             TilePyramidWriter pyramid = new TilePyramidWriter(direct, TileGrid.of(w, h), TileFormat.overlay())) {
            for (int[] row : px) {
                byte[] packed = TilePyramidWriterTests.pack(row);
                writer.writeRow(packed, 0);
                pyramid.writeRow(packed, 0);
            }
        }

        // when
        Path fromPng = dir.resolve("from-png.tiles");
        TileGrid grid = PngTiler.tile(new ByteArrayInputStream(png.toByteArray()), TileReduction.OVERLAY, fromPng);

        // then
        assertThat(grid).isEqualTo(TileGrid.of(w, h));
        assertThat(grid.levels()).isEqualTo(2);
        assertThat(fromPng).hasSameBinaryContentAs(direct);
        byte[] bytes = Files.readAllBytes(fromPng);
        TileArchive archive = TileArchive.open(TilePyramidWriterTests.ranges(bytes), bytes.length);
        TileArchive.Range r = archive.range(1, 1, 0);
        BufferedImage tile = ImageIO.read(new ByteArrayInputStream(bytes, (int) r.offset(), r.length()));
        assertThat(TilePyramidWriterTests.samples(tile)).isEqualTo(TilePyramidWriterTests.crop(px, 512, 0, 188, 333));
    }
}
