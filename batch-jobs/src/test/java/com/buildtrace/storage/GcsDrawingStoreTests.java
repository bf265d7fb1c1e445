package com.buildtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GcsDrawingStore against the in-memory Cloud Storage of google-cloud-nio. */
class GcsDrawingStoreTests {

    @TempDir
    Path dir;

    private final Storage storage = LocalStorageHelper.getOptions().getService();

    private final GcsDrawingStore store = new GcsDrawingStore(storage, "bt-test");

    @Test
    void aLargeObjectIsWrittenInChunksAndReadBackByteForByte() throws Exception {
        // given: more than two upload chunks of incompressible bytes
        byte[] content = new byte[2 * GcsDrawingStore.CHUNK_BYTES + 12345];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("big.pdf"), content);
        StorageKey key = StorageKey.of("projects", "p", "files", "001.pdf");

        // when
        StoredObject written = store.write(key, file);

        // then
        assertThat(written.key()).isEqualTo(key);
        assertThat(written.bytes()).isEqualTo(content.length);
        assertThat(written.generation()).isPositive();
        assertThat(written.updated()).isNotNull();
        try (InputStream in = store.read(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        Path copy = dir.resolve("copy/001.pdf");
        store.copyTo(key, copy);
        assertThat(copy).hasBinaryContent(content);
        assertThat(storage.get(BlobId.of("bt-test", key.path())).getContentType()).isEqualTo("application/pdf");
    }

    @Test
    void aRewrittenObjectHasANewGeneration() throws Exception {
        StorageKey key = StorageKey.of("comparisons", "c1", "result.json");
        StoredObject first = store.write(key, stream("{\"v\":1}"));

        StoredObject second = store.write(key, stream("{\"v\":2}"));

        assertThat(second.generation()).isNotEqualTo(first.generation());
        assertThat(second.sameWriteAs(first)).isFalse();
        assertThat(store.stat(key)).hasValueSatisfying(o -> assertThat(o.sameWriteAs(second)).isTrue());
        try (InputStream in = store.read(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":2}");
        }
    }

    @Test
    void missingObjectsAreReportedAsSuch() throws Exception {
        StorageKey key = StorageKey.of("no", "such.pdf");

        assertThat(store.stat(key)).isEmpty();
        assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> store.read(key))
                .withMessage("gs://bt-test/no/such.pdf");
        assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> store.copyTo(key, dir.resolve("x")));
        assertThat(store.list(StorageKey.of("no"))).isEmpty();
        store.delete(key);
    }

    @Test
    void listIsByPrefixInKeyOrderAndSkipsFolderPlaceholders() throws Exception {
        for (String k : new String[] {"c/2.pdf", "c/10.pdf", "c/sub/1.png", "c2/1.pdf", "d/1.pdf"}) {
            store.write(new StorageKey(k), stream(k));
        }
        storage.create(BlobInfo.newBuilder("bt-test", "c/folder/").build(), new byte[0]);
        storage.create(BlobInfo.newBuilder("other-bucket", "c/3.pdf").build(), new byte[3]);

        assertThat(store.list(StorageKey.of("c"))).extracting(o -> o.key().path(), StoredObject::bytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c/10.pdf", 8L),
                        org.assertj.core.groups.Tuple.tuple("c/2.pdf", 7L),
                        org.assertj.core.groups.Tuple.tuple("c/sub/1.png", 11L));
    }

    @Test
    void deleteAndDeleteAllRemoveOnlyWhatTheyName() throws Exception {
        for (int i = 0; i < 105; i++) {
            store.write(StorageKey.of("comparisons", "c1", "sheets", String.format("s-%03d.png", i)), stream("png"));
        }
        store.write(StorageKey.of("comparisons", "c10", "result.json"), stream("{}"));
        store.write(StorageKey.of("comparisons", "c2", "result.json"), stream("{}"));

        store.delete(StorageKey.of("comparisons", "c2", "result.json"));
        store.deleteAll(StorageKey.of("comparisons", "c1"));

        assertThat(store.list(StorageKey.of("comparisons", "c1"))).isEmpty();
        assertThat(store.list(StorageKey.of("comparisons", "c2"))).isEmpty();
        assertThat(store.list(StorageKey.of("comparisons"))).extracting(o -> o.key().path())
                .containsExactly("comparisons/c10/result.json");
    }

    @Test
    void uriAndKeyRoundTripForThisBucketOnly() {
        StorageKey key = StorageKey.of("comparisons", "c1", "index.html");

        assertThat(store.uri(key)).isEqualTo("gs://bt-test/comparisons/c1/index.html");
        assertThat(store.key(store.uri(key))).contains(key);
        assertThat(store.key("gs://other/comparisons/c1/index.html")).isEmpty();
        assertThat(store.key("gs://bt-test-2/comparisons/c1/index.html")).isEmpty();
        assertThat(store.key("gs://bt-test/../etc/passwd")).isEmpty();
        assertThat(store.key("gs://bt-test/")).isEmpty();
        assertThat(store.key("file:/tmp/x.pdf")).isEmpty();
        assertThat(GcsDrawingStore.contentType(key)).isEqualTo("text/html; charset=utf-8");
        assertThatIllegalArgumentException().isThrownBy(() -> new GcsDrawingStore(storage, "Bad_Bucket"));
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
