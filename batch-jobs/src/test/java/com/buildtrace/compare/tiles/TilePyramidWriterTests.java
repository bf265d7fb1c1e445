package com.buildtrace.compare.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.buildtrace.compare.overlay.OverlayRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pyramids written from rows, read back tile by tile with a standard PNG decoder. */
class TilePyramidWriterTests {

    @TempDir
    Path dir;

    @Test
    void everyTileIsItsCropOfTheLevelAndEveryLevelTheReductionOfTheOneAbove() throws IOException {
        // given: an overlay of odd size with line work, changes and paper, in tiles of 64 px
        int w = 301;
        int h = 203;
        int[][] px = overlay(w, h, new Random(3));
        TileGrid grid = new TileGrid(w, h, 64);

        // when
        TileArchive archive = write(px, grid, TileFormat.overlay());

        // then: 4 levels (301, 151, 76, 38 wide: the last fits one tile), every tile as expected
        assertThat(archive.grid()).isEqualTo(grid);
        assertThat(grid.levels()).isEqualTo(4);
        int[][] level = px;
        for (int l = grid.levels() - 1; l >= 0; l--) {
            assertThat(level[0].length).isEqualTo(grid.width(l));
            assertThat(level.length).isEqualTo(grid.height(l));
            for (int ty = 0; ty < grid.rows(l); ty++) {
                for (int tx = 0; tx < grid.columns(l); tx++) {
                    BufferedImage tile = tile(archive, l, tx, ty);
                    assertThat(tile.getWidth()).isEqualTo(Math.min(64, grid.width(l) - tx * 64));
                    assertThat(tile.getHeight()).isEqualTo(Math.min(64, grid.height(l) - ty * 64));
                    assertThat(samples(tile)).as("tile %d/%d/%d", l, tx, ty)
                            .isEqualTo(crop(level, tx * 64, ty * 64, tile.getWidth(), tile.getHeight()));
                    assertThat(tile.getRGB(0, 0) & 0xFFFFFF).isEqualTo(OverlayRenderer.PALETTE[level[ty * 64][tx * 64]]);
                }
            }
            level = reduce(level, TileReduction.OVERLAY);
        }
    }

    @Test
    void greyTilesAreFourBitGreyAndALineOfOnePixelSurvivesEveryLevel() throws IOException {
        // given: white paper with one black vertical line one pixel wide
        int w = 1000;
        int h = 700;
        int[][] px = new int[h][w];
        for (int[] row : px) {
            Arrays.fill(row, 15);
            row[333] = 0;
        }
        TileGrid grid = new TileGrid(w, h, 128);

        // when
        TileArchive archive = write(px, grid, TileFormat.gray());

        // then: on the smallest level (125 x 88) the line is still black
        assertThat(grid.levels()).isEqualTo(4);
        BufferedImage top = tile(archive, 0, 0, 0);
        assertThat(top.getWidth()).isEqualTo(125);
        assertThat(top.getRaster().getSample(333 / 8, 40, 0)).isZero();
        assertThat(top.getRaster().getSample(333 / 8 + 2, 40, 0)).isEqualTo(15);
        // a tile of paper only is as small as a PNG gets
        TileArchive.Range blank = archive.range(3, 0, 0);
        assertThat(blank.length()).isLessThan(200);
    }

    @Test
    void aPyramidIsCompleteOnlyWithAllItsRows() throws IOException {
        TileGrid grid = new TileGrid(100, 100, 64);
        TilePyramidWriter writer = new TilePyramidWriter(dir.resolve("short.tiles"), grid, TileFormat.gray());
        writer.writeRow(new byte[50], 0);

        assertThatIllegalStateException().isThrownBy(writer::close).withMessageContaining("only 1 of 100 rows");
        Path file = dir.resolve("short.tiles");
        byte[] bytes = Files.readAllBytes(file);
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> TileArchive.open(ranges(bytes), bytes.length));
    }

    @Test
    void theArchiveOfAnImageIsNamedAfterIt() {
        assertThat(TileArchive.fileOf("sheets/sheet-001-A-101/overlay.png")).isEqualTo("sheets/sheet-001-A-101/overlay.tiles");
        assertThat(TileArchive.fileOf("new.png")).isEqualTo("new.tiles");
    }

    /** Writes the pixels as 4-bit rows and opens the pyramid. */
    private TileArchive write(int[][] px, TileGrid grid, TileFormat format) throws IOException {
        Path file = dir.resolve("image.tiles");
        try (TilePyramidWriter writer = new TilePyramidWriter(file, grid, format)) {
            for (int[] row : px) {
                writer.writeRow(pack(row), 0);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        return TileArchive.open(ranges(bytes), bytes.length);
    }

    static TileArchive.Ranges ranges(byte[] bytes) {
        return (offset, length) -> Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
    }

    private BufferedImage tile(TileArchive archive, int level, int x, int y) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("image.tiles"));
        TileArchive.Range r = archive.range(level, x, y);
        return ImageIO.read(new ByteArrayInputStream(bytes, (int) r.offset(), r.length()));
    }

    static byte[] pack(int[] row) {
        byte[] packed = new byte[(row.length + 1) / 2];
        for (int x = 0; x < row.length; x++) {
            packed[x / 2] |= (byte) (x % 2 == 0 ? row[x] << 4 : row[x]);
        }
        return packed;
    }

    static int[][] samples(BufferedImage img) {
        int[][] out = new int[img.getHeight()][img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRaster().getPixels(0, y, img.getWidth(), 1, out[y]);
        }
        return out;
    }

    static int[][] crop(int[][] px, int x0, int y0, int w, int h) {
        int[][] out = new int[h][];
        for (int y = 0; y < h; y++) {
            out[y] = Arrays.copyOfRange(px[y0 + y], x0, x0 + w);
        }
        return out;
    }

    /** The level below, computed pixel by pixel: blocks of 2 x 2, the last column and row repeated. */
    static int[][] reduce(int[][] px, TileReduction r) {
        int h = px.length;
        int w = px[0].length;
        int[][] out = new int[(h + 1) / 2][(w + 1) / 2];
        for (int y = 0; y < out.length; y++) {
            for (int x = 0; x < out[0].length; x++) {
                int x1 = Math.min(2 * x + 1, w - 1);
                int y1 = Math.min(2 * y + 1, h - 1);
                out[y][x] = r.reduce(px[2 * y][2 * x], px[2 * y][x1], px[y1][2 * x], px[y1][x1]);
            }
        }
        return out;
    }

    /** An overlay: paper, light fills, dark lines, and a few changes. */
    static int[][] overlay(int w, int h, Random random) {
        int[][] px = new int[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = random.nextInt(100);
                px[y][x] = x % 17 == 0 || y % 23 == 0 ? OverlayRenderer.DARK
                        : v < 3 ? OverlayRenderer.REMOVED : v < 6 ? OverlayRenderer.ADDED : v < 20 ? OverlayRenderer.LIGHT
                        : OverlayRenderer.PAPER;
            }
        }
        return px;
    }
}
