package com.buildtrace.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.geom.Box;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crops of the overlay: around the largest regions, reduced without losing thin ink, never the whole sheet. */
class OverlayCropsTests {

    private static final int BLUE = 0x1F5FD6;

    @TempDir
    Path out;

    @Test
    void cropsAreReducedToTheLongestSideAndThinChangedLinesSurvive() throws Exception {
        PageComparison page = SummaryFixtures.changed(out, "A-101", 0);

        List<OverlayCrops.Crop> crops = new OverlayCrops(4, 256).crops(out, page);

        // r3 framed 244 x 394 pt = 509 x 821 px at 150 dpi, reduced by 4
        assertThat(crops).extracting(OverlayCrops.Crop::regionIds).containsExactly(List.of("r3"), List.of("r1"),
                List.of("r2"));
        OverlayCrops.Crop r3 = crops.get(0);
        assertThat(r3.box()).isEqualTo(new Box(718, 138, 244, 394));
        assertThat(r3.width()).isEqualTo(128);
        assertThat(r3.height()).isEqualTo(206);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r3.png()));
        assertThat(image.getWidth()).isEqualTo(128);
        // the 13 added lines, 2 px thick every 20 pt (42 px), are all still there at a quarter of the size
        int rowsWithBlue = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int blue = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                blue += (image.getRGB(x, y) & 0xFFFFFF) == BLUE ? 1 : 0;
            }
            rowsWithBlue += blue >= 40 ? 1 : 0;
        }
        assertThat(rowsWithBlue).isBetween(13, 26);
    }

    @Test
    void aCropIsNeverMoreThanHalfTheSheetEachWay() {
        double[] tabloid = {1224, 792};

        assertThat(OverlayCrops.frame(new Box(10, 10, 1200, 770), tabloid)).isEqualTo(new Box(304, 197, 612, 396));
        assertThat(OverlayCrops.frame(new Box(1200, 780, 4, 4), tabloid)).isEqualTo(new Box(1026, 594, 198, 198));
    }

    @Test
    void withoutTheFullSizeOverlayThePreviewIsCropped() throws Exception {
        PageComparison page = SummaryFixtures.changed(out, "A-101", 0);
        Files.delete(out.resolve(page.images().overlay()));

        List<OverlayCrops.Crop> crops = new OverlayCrops(1, 1024).crops(out, page);

        // the preview is half the resolution: r3's frame is 255 x 411 px there
        assertThat(crops).singleElement().satisfies(c -> {
            assertThat(c.width()).isEqualTo(255);
            assertThat(c.height()).isEqualTo(411);
        });
    }
}
