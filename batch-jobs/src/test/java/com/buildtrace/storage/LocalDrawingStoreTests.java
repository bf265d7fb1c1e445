package com.buildtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDrawingStoreTests {

    @TempDir
    Path dir;

    @Test
    void writeReadStatAndCopyRoundTrip() throws Exception {
        LocalDrawingStore store = new LocalDrawingStore(dir.resolve("store"));
        StorageKey key = StorageKey.of("projects", "p", "files", "001.pdf");

        StoredObject written = store.write(key, new ByteArrayInputStream(bytes("%PDF-1.7 one")));

        assertThat(written.key()).isEqualTo(key);
        assertThat(written.bytes()).isEqualTo(12);
        assertThat(store.stat(key)).contains(written);
        try (InputStream in = store.read(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 one");
        }
        Path copy = dir.resolve("elsewhere/copy.pdf");
        store.copyTo(key, copy);
        assertThat(copy).hasContent("%PDF-1.7 one");
        // no temporary file is left beside the object
        assertThat(dir.resolve("store/projects/p/files")).isDirectoryContaining(p -> p.endsWith("001.pdf"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".upload-"));
    }

    @Test
    void writingAFileReplacesTheObject() throws Exception {
        LocalDrawingStore store = new LocalDrawingStore(dir.resolve("store"));
        StorageKey key = StorageKey.of("a", "b.json");
        store.write(key, new ByteArrayInputStream(bytes("{\"v\":1}")));
        Path file = Files.writeString(dir.resolve("new.json"), "{\"v\":22}");

        StoredObject replaced = store.write(key, file);

        assertThat(replaced.bytes()).isEqualTo(8);
        assertThat(store.path(key)).hasContent("{\"v\":22}");
    }

    @Test
    void aRangeOfOneWriteIsReadAndAWriteSinceFailsTheRead() throws Exception {
        // given
        LocalDrawingStore store = new LocalDrawingStore(dir.resolve("store"));
        StorageKey key = StorageKey.of("comparisons", "c1", "overlay.tiles");
        StoredObject first = store.write(key, new ByteArrayInputStream(bytes("0123456789abcdef")));

        // when
        byte[] range;
        try (InputStream in = store.read(first, 10, 4)) {
            range = in.readAllBytes();
        }

        // then
        assertThat(new String(range, StandardCharsets.UTF_8)).isEqualTo("abcd");
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> store.read(first, 10, 7));
        Files.setLastModifiedTime(store.path(key), java.nio.file.attribute.FileTime.from(
                first.updated().plusSeconds(5)));
        assertThatExceptionOfType(NoSuchFileException.class).as("the object was written again")
                .isThrownBy(() -> store.read(first, 0, 4));
        store.delete(key);
        assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> store.read(first, 0, 4));
    }

    @Test
    void missingObjectsAreReportedAsSuch() throws Exception {
        LocalDrawingStore store = new LocalDrawingStore(dir.resolve("store"));
        StorageKey key = StorageKey.of("no", "such.pdf");

        assertThat(store.stat(key)).isEmpty();
        assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> store.read(key));
        assertThat(store.list(StorageKey.of("no"))).isEmpty();
        store.delete(key);
        store.deleteAll(StorageKey.of("no"));
    }

    @Test
    void listIsInKeyOrderAndDeleteAllRemovesOnlyThePrefix() throws Exception {
        LocalDrawingStore store = new LocalDrawingStore(dir.resolve("store"));
        for (String k : new String[] {"c/2.pdf", "c/10.pdf", "c/sub/1.png", "c2/1.pdf", "d/1.pdf"}) {
            store.write(new StorageKey(k), new ByteArrayInputStream(bytes(k)));
        }

        assertThat(store.list(StorageKey.of("c"))).extracting(o -> o.key().path())
                .containsExactly("c/10.pdf", "c/2.pdf", "c/sub/1.png");
        assertThat(store.list(StorageKey.of("c"))).extracting(StoredObject::bytes).containsExactly(8L, 7L, 11L);

        store.delete(new StorageKey("c/2.pdf"));
        assertThat(store.list(StorageKey.of("c"))).extracting(o -> o.key().path())
                .containsExactly("c/10.pdf", "c/sub/1.png");
        store.deleteAll(StorageKey.of("c"));
        assertThat(store.list(StorageKey.of("c"))).isEmpty();
        assertThat(store.list(StorageKey.of("c2"))).hasSize(1);
        assertThat(store.list(StorageKey.of("d"))).hasSize(1);
    }

    @Test
    void uriAndKeyRoundTripAndUrisOutsideTheRootHaveNoKey() throws Exception {
        Path root = dir.resolve("store");
        LocalDrawingStore store = new LocalDrawingStore(root);
        StorageKey key = StorageKey.of("comparisons", "c1", "result.json");

        String uri = store.uri(key);

        assertThat(uri).isEqualTo(root.resolve("comparisons/c1/result.json").toUri().toString()).startsWith("file:");
        assertThat(store.key(uri)).contains(key);
        assertThat(store.key(dir.resolve("other/result.json").toUri().toString())).isEmpty();
        assertThat(store.key(dir.resolve("store-2/x.json").toUri().toString())).isEmpty();
        assertThat(store.key(root.toUri().toString())).isEmpty();
        assertThat(store.key(root.resolve("../outside.json").toUri().toString())).isEmpty();
        assertThat(store.key("gs://bucket/comparisons/c1/result.json")).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
