package com.buildtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison's output: written in place locally, staged and published for a store. */
class StagedOutputTests {

    @TempDir
    Path dir;

    private final GcsDrawingStore store = new GcsDrawingStore(LocalStorageHelper.getOptions().getService(),
            "bt-test");

    @Test
    void storedOutputIsPublishedSheetBySheetThenTheRestAndTheStagingFolderGoes() throws Exception {
        StagedOutput out = new OutputStaging(store, dir.resolve("cache")).open("gs://bt-test/comparisons/c1");
        assertThat(out.stored()).isTrue();
        assertThat(out.dir()).isEqualTo(dir.resolve("cache/staging/gs/bt-test/comparisons/c1"));
        write(out.dir().resolve("sheets/sheet-001-A-101/overlay.png"), "overlay");
        write(out.dir().resolve("sheets/sheet-001-A-101/preview.png"), "preview");
        write(out.dir().resolve("sheets/sheet-002-A-102/preview.png"), "left by an attempt that died");

        // when: a partition publishes its sheet's folder
        Map<String, StagedOutput.Published> sheet = out.publishFolders(List.of("sheets/sheet-001-A-101"));

        // then
        assertThat(sheet).containsOnlyKeys("sheets/sheet-001-A-101/overlay.png", "sheets/sheet-001-A-101/preview.png");
        assertThat(sheet.get("sheets/sheet-001-A-101/overlay.png")).isEqualTo(new StagedOutput.Published(
                "gs://bt-test/comparisons/c1/sheets/sheet-001-A-101/overlay.png", 7));
        assertThat(read("comparisons/c1/sheets/sheet-001-A-101/preview.png")).isEqualTo("preview");
        assertThat(out.dir().resolve("sheets/sheet-001-A-101/overlay.png")).doesNotExist();

        // when: finalize publishes the set's files
        write(out.dir().resolve("result.json"), "{}");
        write(out.dir().resolve("index.html"), "<html>");
        Map<String, StagedOutput.Published> rest = out.publishRest(List.of("sheets"));

        // then: only those; the leftover of a dead attempt is not published, and nothing stays staged
        assertThat(rest).containsOnlyKeys("index.html", "result.json");
        assertThat(rest.get("index.html").uri()).isEqualTo("gs://bt-test/comparisons/c1/index.html");
        assertThat(store.list(StorageKey.of("comparisons", "c1"))).extracting(o -> o.key().path())
                .containsExactly("comparisons/c1/index.html", "comparisons/c1/result.json",
                        "comparisons/c1/sheets/sheet-001-A-101/overlay.png",
                        "comparisons/c1/sheets/sheet-001-A-101/preview.png");
        assertThat(out.dir()).doesNotExist();
    }

    @Test
    void localOutputIsWrittenInPlaceAndNothingIsCopied() throws Exception {
        Path folder = dir.resolve("out");
        StagedOutput out = new OutputStaging(store, dir.resolve("cache")).open(folder.toUri().toString());
        write(folder.resolve("sheets/sheet-001/preview.png"), "preview");
        write(folder.resolve("result.json"), "{\"a\":1}");

        Map<String, StagedOutput.Published> sheet = out.publishFolders(List.of("sheets/sheet-001"));
        Map<String, StagedOutput.Published> rest = out.publishRest(List.of("sheets"));

        assertThat(out.stored()).isFalse();
        assertThat(out.dir()).isEqualTo(folder);
        assertThat(sheet.get("sheets/sheet-001/preview.png").uri())
                .isEqualTo(folder.resolve("sheets/sheet-001/preview.png").toUri().toString());
        assertThat(rest).containsOnlyKeys("result.json");
        assertThat(rest.get("result.json").bytes()).isEqualTo(7);
        assertThat(folder.resolve("sheets/sheet-001/preview.png")).hasContent("preview");
        assertThat(store.list(StorageKey.of("comparisons"))).isEmpty();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String read(String key) throws Exception {
        try (InputStream in = store.read(new StorageKey(key))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
