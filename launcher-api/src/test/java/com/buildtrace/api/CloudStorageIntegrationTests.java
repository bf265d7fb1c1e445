package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.testing.FakeCloudStorage;
import com.buildtrace.testing.TestDatabase;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The API on a Google Cloud Storage bucket (the in-memory one of google-cloud-nio in place of the client):
 * uploads land in the bucket under keys made of ids, the comparison job reads them from there and publishes
 * its images and report there, and the API serves them from the bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {LauncherApiApplication.class, FakeCloudStorage.class},
        properties = {"buildtrace.storage.kind=gcs", "buildtrace.storage.bucket=buildtrace-drawings",
            "spring.cloud.gcp.core.enabled=false", "spring.cloud.gcp.storage.enabled=false",
            "buildtrace.api.dpi=100", "buildtrace.schedule.check-every=1h",
            "buildtrace.auth.dev-login=true"})
class CloudStorageIntegrationTests {

    static final Path CACHE = ApiIntegrationTest.FIXTURES.resolveSibling("buildtrace-api-gcs-cache-" + UUID.randomUUID());

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("buildtrace.storage.cache", CACHE::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Storage storage;

    @Test
    void keepsUploadsAndResultsInTheBucketAndServesThemFromThere() throws Exception {
        ApiClient api = new ApiClient(port).signedIn();
        UUID project = api.post("/api/v1/projects", "{\"name\": \"On a bucket\"}").id();
        UUID set = api.post("/api/v1/projects/" + project + "/sets", "{\"name\": \"Architectural\"}").id();
        Path older = ApiIntegrationTest.sheetSet("gcs-a.pdf", 2);
        Path newer = ApiIntegrationTest.sheetSet("gcs-b.pdf", 2, 1);
        UUID a = api.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of("label", "A"),
                List.of(new ApiClient.Part("files", older))).id();
        UUID b = api.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of("label", "B"),
                List.of(new ApiClient.Part("files", newer))).id();

        // the uploads are objects of the bucket, under keys of ids only
        Blob stored = storage.get(BlobId.of("buildtrace-drawings",
                "projects/" + project + "/sets/" + set + "/revisions/" + a + "/files/001.pdf"));
        assertThat(stored.getContent()).isEqualTo(Files.readAllBytes(older));

        UUID comparison = api.post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \""
                + b + "\"}").id();
        JsonNode[] done = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            done[0] = api.get("/api/v1/comparisons/" + comparison).json();
            return List.of("completed", "failed").contains(done[0].get("status").asString());
        });

        assertThat(done[0].get("status").asString()).as(done[0].toString()).isEqualTo("completed");
        assertThat(done[0].get("counts").get("changed").asInt()).isEqualTo(1);
        List<String> keys = new ArrayList<>();
        storage.list("buildtrace-drawings", Storage.BlobListOption.prefix("comparisons/" + comparison + "/"))
                .iterateAll().forEach(o -> keys.add(o.getName()));
        assertThat(keys).contains("comparisons/" + comparison + "/result.json",
                "comparisons/" + comparison + "/index.html", "comparisons/" + comparison + "/summary.json",
                "comparisons/" + comparison + "/annotated.pdf", "comparisons/" + comparison + "/changes.csv");
        assertThat(keys).anyMatch(k -> k.endsWith("/overlay.png"));
        ApiClient.Response overlay = api.get("/api/v1/comparisons/" + comparison + "/sheets/1/overlay");
        assertThat(overlay.status()).isEqualTo(200);
        assertThat(overlay.raw().body()).startsWith(0x89, 'P', 'N', 'G');
        // its tile pyramid is an object beside it, its tiles read from the bucket by byte range
        assertThat(keys).anyMatch(k -> k.endsWith("/overlay.tiles"));
        JsonNode pyramid = api.get("/api/v1/comparisons/" + comparison + "/sheets/1/overlay/tiles").json();
        ApiClient.Response tile = api.get(pyramid.get("tiles").asString().replace("{level}", "1")
                .replace("{x}", "1").replace("{y}", "0"));
        assertThat(tile.status()).as(tile.text()).isEqualTo(200);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(tile.raw().body()));
        assertThat(png.getWidth()).isEqualTo(pyramid.get("levels").get(1).get("width").asInt() - 512);
        assertThat(api.get("/api/v1/comparisons/" + comparison + "/result.json").json().get("pages").size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/comparisons/" + comparison + "/report/").text()).contains("A-102");
        assertThat(api.get("/api/v1/revisions/" + a + "/files/0").raw().body()).isEqualTo(Files.readAllBytes(older));
    }

    @Test
    void keepsTheChunksOfAResumableUploadInTheBucketUntilItCompletes() throws Exception {
        ApiClient api = new ApiClient(port).signedIn();
        UUID project = api.post("/api/v1/projects", "{\"name\": \"Resumable on a bucket\"}").id();
        UUID set = api.post("/api/v1/projects/" + project + "/sets", "{\"name\": \"Architectural\"}").id();
        byte[] png = Files.readAllBytes(UploadSessionsIntegrationTests.noise("gcs-resumable.png", 9_000_000, 7));
        JsonNode session = api.post("/api/v1/projects/" + project + "/sets/" + set + "/uploads", "{\"label\": \"A\", "
                + "\"files\": [{\"name\": \"site.png\", \"bytes\": " + png.length + ", \"sha256\": \""
                + UploadSessionsIntegrationTests.sha256(png) + "\"}]}").json();
        String id = session.get("id").asString();
        int chunk = session.get("chunkBytes").asInt();
        for (int first = 0; first < png.length; first += chunk) {
            int last = Math.min(png.length, first + chunk) - 1;
            ApiClient.Response r = api.put("/api/v1/uploads/" + id + "/files/0", Map.of("Content-Range", "bytes "
                    + first + "-" + last + "/" + png.length), java.util.Arrays.copyOfRange(png, first, last + 1));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
        }
        List<String> chunks = new ArrayList<>();
        storage.list("buildtrace-drawings", Storage.BlobListOption.prefix("uploads/" + id + "/")).iterateAll()
                .forEach(o -> chunks.add(o.getName()));

        ApiClient.Response completed = api.post("/api/v1/uploads/" + id + "/complete", "");

        assertThat(chunk).isEqualTo(8 << 20);
        assertThat(chunks).hasSize(2).allMatch(k -> k.startsWith("uploads/" + id + "/files/001/"));
        assertThat(completed.status()).as(completed.text()).isEqualTo(201);
        String revision = completed.json().get("id").asString();
        assertThat(storage.get(BlobId.of("buildtrace-drawings", "projects/" + project + "/sets/" + set
                + "/revisions/" + revision + "/files/001.png")).getContent()).isEqualTo(png);
        assertThat(storage.list("buildtrace-drawings", Storage.BlobListOption.prefix("uploads/" + id + "/"))
                .iterateAll()).isEmpty();
    }
}
