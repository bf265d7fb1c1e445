package com.buildtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.buildtrace.fixtures.RecordingHttpServer;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
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
        // the in-memory bucket numbers generations by its clock's milliseconds (Cloud Storage's are unique per write)
        Thread.sleep(5);

        StoredObject second = store.write(key, stream("{\"v\":2}"));

        assertThat(second.generation()).isNotEqualTo(first.generation());
        assertThat(second.sameWriteAs(first)).isFalse();
        assertThat(store.stat(key)).hasValueSatisfying(o -> assertThat(o.sameWriteAs(second)).isTrue());
        try (InputStream in = store.read(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":2}");
        }
    }

    @Test
    void aRangeIsReadWithoutTheRestOfTheObject() throws Exception {
        // given: an object larger than a read chunk
        byte[] content = new byte[GcsDrawingStore.CHUNK_BYTES + 4096];
        new Random(11).nextBytes(content);
        StorageKey key = StorageKey.of("comparisons", "c1", "overlay.tiles");
        StoredObject first = store.write(key, new ByteArrayInputStream(content));

        // when
        byte[] range;
        try (InputStream in = store.read(first, GcsDrawingStore.CHUNK_BYTES - 100, 300)) {
            range = in.readAllBytes();
        }

        // then
        assertThat(range).isEqualTo(java.util.Arrays.copyOfRange(content, GcsDrawingStore.CHUNK_BYTES - 100,
                GcsDrawingStore.CHUNK_BYTES + 200));
        assertThatIllegalArgumentException().isThrownBy(() -> store.read(first, content.length - 10, 11));
        // (that a newer generation fails the read is Cloud Storage's doing: the in-memory bucket reads the latest)
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

    @Test
    void theRealClientStatsAndListsOverHttpJsonWithoutTheGrpcRuntimes() throws Exception {
        // given: the production client (HTTP/JSON transport, as Spring Cloud GCP builds it) against a local
        // server that answers as the Cloud Storage JSON API does
        try (RecordingHttpServer api = new RecordingHttpServer()) {
            api.respond("GET", "/storage/v1/b/bt-prod/o/comparisons%2Fc1%2Fresult.json", 200, """
                    {"bucket": "bt-prod", "name": "comparisons/c1/result.json", "size": "4242",
                     "generation": "1764324000123456", "updated": "2026-11-28T10:00:00.000Z"}""");
            api.respond("GET", "/storage/v1/b/bt-prod/o/comparisons%2Fc1%2Fnone.json", 404,
                    "{\"error\": {\"code\": 404, \"message\": \"No such object\"}}");
            api.respond("GET", "/storage/v1/b/bt-prod/o", 200, """
                    {"items": [{"bucket": "bt-prod", "name": "comparisons/c1/index.html", "size": "10",
                                "generation": "5", "updated": "2026-11-28T10:00:01.000Z"}]}""");
            Storage client = StorageOptions.newBuilder().setHost(api.url()).setProjectId("buildtrace-test")
                    .setCredentials(NoCredentials.getInstance()).build().getService();
            GcsDrawingStore prod = new GcsDrawingStore(client, "bt-prod");

            // when
            StoredObject result = prod.stat(StorageKey.of("comparisons", "c1", "result.json")).orElseThrow();

            // then
            assertThat(result.bytes()).isEqualTo(4242);
            assertThat(result.generation()).isEqualTo(1764324000123456L);
            assertThat(result.updated()).isEqualTo(java.time.Instant.parse("2026-11-28T10:00:00Z"));
            assertThat(prod.stat(StorageKey.of("comparisons", "c1", "none.json"))).isEmpty();
            assertThat(prod.list(StorageKey.of("comparisons", "c1"))).extracting(o -> o.key().path())
                    .containsExactly("comparisons/c1/index.html");
            assertThat(api.requests().get(2).query()).contains("prefix=comparisons/c1/").contains("maxResults=1000");
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
