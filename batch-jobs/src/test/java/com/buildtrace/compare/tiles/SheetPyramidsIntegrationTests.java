package com.buildtrace.compare.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.CompareListener;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.overlay.SheetImages;
import com.buildtrace.fixtures.Sheets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine writes the pyramids of a pair's three full-size images from the rows it writes them with. */
class SheetPyramidsIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void theOverlayAndTheSheetsHavePyramidsWhoseTilesAreTheirImages() throws IOException {
        // given: a tabloid sheet whose dimension changed, compared at 150 dpi (2550 x 1650 px)
        Path oldSet = Sheets.write(dir.resolve("old.pdf"), Sheets.Sheet.of("A-101", Sheets.PLAN));
        Path newSet = Sheets.write(dir.resolve("new.pdf"), Sheets.Sheet.of("A-101", Sheets.plan("17'-0\"", false)));
        Path out = dir.resolve("out");

        // when
        SetComparison result = new SetComparator().compare(oldSet, newSet, out, CompareOptions.defaults(),
                CompareListener.NONE);

        // then: overlay.tiles, old.tiles and new.tiles beside the PNGs, of their size
        PageComparison page = result.pages().get(0);
        SheetImages images = page.images();
        assertThat(page.stageMillis()).containsKey("tiles");
        for (String image : new String[] {images.overlay(), images.oldImage(), images.newImage()}) {
            BufferedImage png = ImageIO.read(out.resolve(image).toFile());
            byte[] bytes = Files.readAllBytes(out.resolve(TileArchive.fileOf(image)));
            TileArchive archive = TileArchive.open(TilePyramidWriterTests.ranges(bytes), bytes.length);
            TileGrid grid = archive.grid();
            assertThat(grid).isEqualTo(TileGrid.of(2550, 1650));
            assertThat(grid.levels()).isEqualTo(4);
            int[][] full = TilePyramidWriterTests.samples(png);
            TileReduction reduction = image.endsWith("overlay.png") ? TileReduction.OVERLAY : TileReduction.GRAY;
            int[][] reduced = TilePyramidWriterTests.reduce(TilePyramidWriterTests.reduce(full, reduction), reduction);
            // a tile of the full size with the changed dimension, the last tile, and one of level 1
            assertThat(tile(bytes, archive, 3, 2, 1)).as(image).isEqualTo(TilePyramidWriterTests.crop(full, 1024, 512, 512, 512));
            assertThat(tile(bytes, archive, 3, 4, 3)).as(image).isEqualTo(TilePyramidWriterTests.crop(full, 2048, 1536, 502, 114));
            assertThat(tile(bytes, archive, 1, 1, 0)).as(image).isEqualTo(TilePyramidWriterTests.crop(reduced, 512, 0, 126, 413));
        }
    }

    private static int[][] tile(byte[] bytes, TileArchive archive, int level, int x, int y) throws IOException {
        TileArchive.Range r = archive.range(level, x, y);
        return TilePyramidWriterTests.samples(ImageIO.read(new ByteArrayInputStream(bytes, (int) r.offset(), r.length())));
    }
}
