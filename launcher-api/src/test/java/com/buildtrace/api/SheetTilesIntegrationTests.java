package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The tile pyramids of a sheet's overlay, old and new images: their description, tiles that are crops of the
 * images (and reductions of them on the smaller levels), caching, errors, and a pyramid made on first use for
 * an image stored without one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SheetTilesIntegrationTests extends ApiIntegrationTest {

    UUID comparison;

    String sheet;

    @BeforeAll
    void aComparedSheetWithAChange() {
        UUID project = project("Tiles");
        UUID set = drawingSet(project, "Architectural");
        try {
            UUID a = uploadRevision(project, set, "A", sheetSet("tiles-a.pdf", 1)).id();
            UUID b = uploadRevision(project, set, "B", sheetSet("tiles-b.pdf", 1, 0)).id();
            comparison = api().post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \""
                    + b + "\"}").id();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(awaitEnd(comparison).get("status").asString()).isEqualTo("completed");
        sheet = "/api/v1/comparisons/" + comparison + "/sheets/0";
    }

    @Test
    void thePyramidOfASheetAt100DpiHasThreeLevelsDownToOneTile() {
        // when
        JsonNode sheetJson = api().get(sheet).json();
        ApiClient.Response r = api().get(sheetJson.get("tiles").get("overlay").asString());

        // then: a tabloid sheet at 100 dpi is 1700 x 1100 px: levels of 425, 850 and 1700 px
        assertThat(sheetJson.get("tiles").propertyNames()).containsExactlyInAnyOrder("overlay", "old", "new");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.get("image").asString()).isEqualTo("overlay");
        assertThat(p.get("width").asInt()).isEqualTo(1700);
        assertThat(p.get("height").asInt()).isEqualTo(1100);
        assertThat(p.get("tileSize").asInt()).isEqualTo(512);
        assertThat(p.get("format").asString()).isEqualTo("image/png");
        List<String> levels = new ArrayList<>();
        p.get("levels").forEach(l -> levels.add(l.get("level").asInt() + ": " + l.get("width").asInt() + " x "
                + l.get("height").asInt() + " in " + l.get("columns").asInt() + " x " + l.get("rows").asInt()));
        assertThat(levels).containsExactly("0: 425 x 275 in 1 x 1", "1: 850 x 550 in 2 x 2", "2: 1700 x 1100 in 4 x 3");
        String version = p.get("version").asString();
        assertThat(p.get("tiles").asString()).isEqualTo(sheet + "/overlay/tiles/{level}/{x}/{y}?v=" + version);
        assertThat(r.header("Cache-Control")).contains("no-cache");
        assertThat(api().getWith(sheet + "/overlay/tiles", "If-None-Match", r.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void everyFullSizeTileIsTheCropOfItsImageAndTheSmallestLevelIsTheWholeImage() throws IOException {
        for (String image : List.of("overlay", "old", "new")) {
            // given the whole image
            BufferedImage full = png(api().get(sheet + "/" + image).raw().body());
            String version = api().get(sheet + "/" + image + "/tiles").json().get("version").asString();

            // when: a tile inside, the last one (a part tile), and level 0
            BufferedImage inner = png(tile(image, 2, 1, 1, version).raw().body());
            BufferedImage last = png(tile(image, 2, 3, 2, version).raw().body());
            BufferedImage whole = png(tile(image, 0, 0, 0, version).raw().body());

            // then
            assertThat(samples(inner)).as(image).isEqualTo(samples(full.getSubimage(512, 512, 512, 512)));
            assertThat(samples(last)).as(image).isEqualTo(samples(full.getSubimage(1536, 1024, 164, 76)));
            assertThat(whole.getWidth()).isEqualTo(425);
            assertThat(whole.getHeight()).isEqualTo(275);
        }
    }

    @Test
    void aTileOfThePyramidsVersionIsKeptForGoodAndRevalidatedOtherwise() {
        String version = api().get(sheet + "/new/tiles").json().get("version").asString();

        ApiClient.Response kept = tile("new", 1, 1, 0, version);
        ApiClient.Response unversioned = api().get(sheet + "/new/tiles/1/1/0");

        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.header("Content-Type")).isEqualTo("image/png");
        assertThat(kept.header("Cache-Control")).contains("immutable").contains("max-age=31536000").contains("private");
        assertThat(kept.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(unversioned.header("Cache-Control")).contains("no-cache");
        assertThat(unversioned.raw().body()).isEqualTo(kept.raw().body());
        assertThat(api().getWith(sheet + "/new/tiles/1/1/0?v=" + version, "If-None-Match", kept.header("ETag")).status())
                .isEqualTo(304);
        // tiles have a rate limit of their own, made for a screenful at every zoom step
        assertThat(kept.header("RateLimit-Limit")).isEqualTo("3000");
    }

    @Test
    void tilesThatDoNotExistAndImagesWithoutPyramidsAre404() {
        assertThat(api().get(sheet + "/overlay/tiles/2/4/0").status()).isEqualTo(404);
        assertThat(api().get(sheet + "/overlay/tiles/3/0/0").text()).contains("levels 0 to 2");
        assertThat(api().get(sheet + "/preview/tiles").text()).contains("overlay, old, new have one");
        assertThat(api().get("/api/v1/comparisons/" + comparison + "/sheets/7/overlay/tiles").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/comparisons/" + UUID.randomUUID() + "/sheets/0/overlay/tiles").text())
                .contains("comparison");
    }

    @Test
    void anImageStoredWithoutAPyramidGetsOneOnFirstUseOnceForConcurrentRequests() throws Exception {
        // given: the old image's pyramid removed, as for a comparison made before pyramids were written
        Path stored;
        try (Stream<Path> files = Files.walk(STORE.resolve("comparisons/" + comparison))) {
            stored = files.filter(f -> f.getFileName().toString().equals("old.tiles")).findFirst().orElseThrow();
        }
        byte[] tileBefore = tile("old", 2, 2, 1, api().get(sheet + "/old/tiles").json().get("version").asString())
                .raw().body();
        Files.delete(stored);

        // when: four viewers ask at once
        List<CompletableFuture<ApiClient.Response>> asked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            asked.add(CompletableFuture.supplyAsync(() -> api().get(sheet + "/old/tiles")));
        }

        // then: each gets the pyramid, made once and stored where the comparison keeps it, with the same tiles
        List<String> versions = asked.stream().map(CompletableFuture::join).map(r -> {
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            return r.json().get("version").asString();
        }).distinct().toList();
        assertThat(versions).hasSize(1);
        assertThat(stored).isRegularFile();
        assertThat(tile("old", 2, 2, 1, versions.get(0)).raw().body()).isEqualTo(tileBefore);
    }

    private ApiClient.Response tile(String image, int level, int x, int y, String version) {
        ApiClient.Response r = api().get(sheet + "/" + image + "/tiles/" + level + "/" + x + "/" + y + "?v=" + version);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r;
    }

    private static BufferedImage png(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    /** Each pixel's sample (palette index or grey level). */
    private static List<Integer> samples(BufferedImage img) {
        int[] px = img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
        return java.util.Arrays.stream(px).boxed().toList();
    }
}
