package com.buildtrace.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.buildtrace.BatchJobsApplication;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.DrawingFixtures;
import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.StorageKey;
import com.buildtrace.storage.StorageLayout;
import com.buildtrace.storage.StoredObject;
import com.buildtrace.testing.TestDatabase;
import com.google.cloud.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * compareDrawingsJob on a Cloud Storage bucket (the in-memory one of google-cloud-nio in place of the client):
 * sets uploaded as several files under a revision's prefix, results published under the comparison's prefix,
 * and a restart after a failure that reuses the copies it made.
 */
@SpringBootTest(classes = {BatchJobsApplication.class, com.buildtrace.testing.FakeCloudStorage.class},
        properties = {"buildtrace.storage.kind=gcs", "buildtrace.storage.bucket=bt-test",
            // no credentials, project or metadata-server look-ups: the Storage bean below is the client
            "spring.cloud.gcp.core.enabled=false", "spring.cloud.gcp.storage.enabled=false"})
class StoredComparisonIntegrationTests {

    private static final Path CACHE = temporaryFolder();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("buildtrace.db.url", TestDatabase::use);
        registry.add("buildtrace.db.user", TestDatabase::user);
        registry.add("buildtrace.db.password", TestDatabase::password);
        registry.add("buildtrace.storage.cache", CACHE::toString);
    }

    @TempDir
    Path dir;

    @MockitoSpyBean
    DrawingStore drawingStore;

    @Autowired
    ComparisonLauncher launcher;

    @Autowired
    ComparisonStore comparisons;

    @Autowired
    JdbcClient jdbc;

    @Test
    void comparisonOfStoredSetsPublishesItsFilesToTheBucketAndARestartReusesTheCopiedInputs() throws Exception {
        // given: each revision uploaded as two PDFs under its prefix; A-103 revised
        UUID project = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        UUID revA = UUID.randomUUID();
        UUID revB = UUID.randomUUID();
        upload(StorageLayout.revisionFile(project, set, revA, 0, "pdf"), DrawingFixtures.pdfSet("A-101", "A-102"));
        upload(StorageLayout.revisionFile(project, set, revA, 1, "pdf"), DrawingFixtures.pdfSet("A-103"));
        upload(StorageLayout.revisionFile(project, set, revB, 0, "pdf"), DrawingFixtures.pdfSet("A-101", "A-102"));
        upload(StorageLayout.revisionFile(project, set, revB, 1, "pdf"),
                DrawingFixtures.pdfSet("A-103").revised("A-103"));
        UUID id = UUID.randomUUID();
        StorageKey out = StorageLayout.comparison(id);
        JobRequest request = new JobRequest(id,
                drawingStore.uri(StorageLayout.revisionFiles(project, set, revA)),
                drawingStore.uri(StorageLayout.revisionFiles(project, set, revB)), drawingStore.uri(out),
                CompareOptions.defaults());
        // and: publishing the third sheet's images fails once (the network went away)
        AtomicBoolean failed = new AtomicBoolean();
        doAnswer(call -> {
            if (call.<StorageKey>getArgument(0).path().contains("/sheet-003-") && !failed.getAndSet(true)) {
                throw new IOException("connection reset publishing to the bucket");
            }
            return call.callRealMethod();
        }).when(drawingStore).write(any(StorageKey.class), any(Path.class));

        // when: the comparison runs, fails, and is restarted
        BatchStatus first = launcher.run(request).getStatus();
        Comparison afterFailure = comparisons.find(id).orElseThrow();
        BatchStatus second = launcher.run(request).getStatus();

        // then: the first run failed on that sheet, the restart completed the comparison
        assertThat(first).isEqualTo(BatchStatus.FAILED);
        assertThat(afterFailure.status()).isEqualTo(Comparison.FAILED);
        assertThat(second).isEqualTo(BatchStatus.COMPLETED);
        assertThat(comparisons.find(id).orElseThrow().status()).isEqualTo(Comparison.COMPLETED);

        // and: the result, report and every sheet's images and their tile pyramids are in the bucket under
        // comparisons/{id}
        List<String> published = drawingStore.list(out).stream().map(o -> o.key().relativeTo(out)).toList();
        assertThat(published).contains("result.json", "index.html",
                "sheets/sheet-001-A-101/overlay.png", "sheets/sheet-002-A-102/overlay.png",
                "sheets/sheet-003-A-103/overlay.png", "sheets/sheet-003-A-103/old.png",
                "sheets/sheet-003-A-103/new.png", "sheets/sheet-003-A-103/preview.png",
                "sheets/sheet-003-A-103/thumbnail.png", "sheets/sheet-003-A-103/overlay.tiles",
                "sheets/sheet-003-A-103/old.tiles", "sheets/sheet-003-A-103/new.tiles");
        JsonNode result = json(out.resolve("result.json"));
        assertThat(result.path("pages")).hasSize(3);
        assertThat(result.path("pages").get(2).path("sheet").asString()).isEqualTo("A-103");
        assertThat(result.path("pages").get(2).path("status").asString()).isEqualTo("changed");
        assertThat(result.path("pages").get(2).path("newPage").asInt()).isEqualTo(2);
        assertThat(result.path("summary").path("changed").asInt()).isEqualTo(1);

        // and: the artifact rows name the objects, with their sizes
        Map<String, Long> artifacts = jdbc.sql("SELECT uri, bytes FROM artifact WHERE comparison_id = ?").param(id)
                .query((rs, row) -> Map.entry(rs.getString("uri"), rs.getLong("bytes"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // result.json, index.html, summary.json, annotated.pdf, changes.csv, sheets.csv; five images per sheet
        assertThat(artifacts).hasSize(6 + 3 * 5);
        Map<String, Long> objects = drawingStore.list(out).stream()
                .collect(Collectors.toMap(o -> drawingStore.uri(o.key()), StoredObject::bytes));
        assertThat(objects).containsAllEntriesOf(artifacts);
        assertThat(artifacts).containsKey("gs://bt-test/comparisons/" + id + "/result.json")
                .containsKey("gs://bt-test/comparisons/" + id + "/summary.json")
                .containsKey("gs://bt-test/comparisons/" + id + "/annotated.pdf")
                .containsKey("gs://bt-test/comparisons/" + id + "/sheets/sheet-003-A-103/overlay.png");

        // and: each of the four input files was downloaded once, by the first run's ingest; its other steps,
        // partitions and the restart used the copies; nothing is left staged
        verify(drawingStore, times(4)).copyTo(
                org.mockito.ArgumentMatchers.argThat(k -> k.path().startsWith("projects/")), any());
        assertThat(CACHE.resolve("staging/gs/bt-test/comparisons/" + id)).doesNotExist();
        assertThat(CACHE.resolve("inputs/gs/bt-test/" + StorageLayout.revisionFiles(project, set, revB)))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("002.pdf"));
    }

    @Test
    void setsThatAreMissingOrInAnotherBucketFailTheComparisonNamingThem() throws Exception {
        drawingStore.write(new StorageKey("uploads/rev-a.pdf"), DrawingFixtures.pdfSet("A-101")
                .writeTo(dir.resolve("rev-a.pdf")));
        String out = drawingStore.uri(StorageLayout.comparison(UUID.randomUUID()));
        JobRequest missing = new JobRequest(UUID.randomUUID(), "gs://bt-test/uploads/rev-a.pdf",
                "gs://bt-test/uploads/rev-b", out, CompareOptions.defaults());
        JobRequest elsewhere = new JobRequest(UUID.randomUUID(), "gs://other-bucket/uploads/rev-a.pdf",
                "gs://bt-test/uploads/rev-a.pdf", out, CompareOptions.defaults());

        JobExecution missingRun = launcher.run(missing);
        JobExecution elsewhereRun = launcher.run(elsewhere);

        assertThat(missingRun.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ComparisonJobListener.reason(missingRun))
                .isEqualTo("gs://bt-test/uploads/rev-b: no object, and no objects under it, in the store");
        assertThat(elsewhereRun.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ComparisonJobListener.reason(elsewhereRun)).isEqualTo("gs://other-bucket/uploads/rev-a.pdf is "
                + "neither a local file nor in the configured store (gs://bt-test/...)");
    }

    private void upload(StorageKey key, DrawingFixtures.PdfSet pdf) throws IOException {
        Path file = pdf.writeTo(dir.resolve(UUID.randomUUID() + ".pdf"));
        drawingStore.write(key, file);
    }

    private JsonNode json(StorageKey key) throws IOException {
        try (InputStream in = drawingStore.read(key)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("buildtrace-cache-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
