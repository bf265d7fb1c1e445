package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import com.buildtrace.fixtures.Sheets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Upload two revisions, compare them, follow the job, and read every result the API serves. */
class ComparisonFlowIntegrationTests extends ApiIntegrationTest {

    @Test
    void uploadsTwoRevisionsComparesThemAndServesTheResults() throws Exception {
        // given a project with a drawing set and two revisions, the second with a changed dimension on A-102;
        // the first uploaded as two files (sheets, then A-103)
        UUID project = project("Clinic");
        UUID set = drawingSet(project, "Architectural");
        Path revA = sheetSet("flow-a.pdf", 2);
        Path revA2 = Sheets.write(FIXTURES.resolve("flow-a2.pdf"), Sheets.Sheet.of("A-103", Sheets.PLAN));
        Path revB = sheetSet("flow-b.pdf", 3, 1);
        ApiClient.Response a = uploadRevision(project, set, "Rev A", revA, revA2);
        ApiClient.Response b = uploadRevision(project, set, "Rev B", revB);
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.header("Location")).isEqualTo("/api/v1/revisions/" + a.id());
        JsonNode revision = a.json();
        assertThat(revision.get("pages").asInt()).isEqualTo(3);
        assertThat(revision.get("files").size()).isEqualTo(2);
        assertThat(revision.get("files").get(1).get("name").asString()).isEqualTo("flow-a2.pdf");
        assertThat(revision.get("files").get(1).get("pages").asInt()).isEqualTo(1);
        assertThat(revision.get("seq").asInt()).isEqualTo(1);
        assertThat(b.json().get("seq").asInt()).isEqualTo(2);
        assertThat(revision.get("files").get(0).get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(revision.get("files").get(0).get("sha256").asString()).isEqualTo(sha256(revA));

        // when they are compared
        ApiClient.Response created = api().post("/api/v1/comparisons",
                "{\"oldRevisionId\": \"" + a.id() + "\", \"newRevisionId\": \"" + b.id() + "\"}");

        // then the job is accepted, runs, and completes
        assertThat(created.status()).isEqualTo(202);
        UUID id = created.id();
        assertThat(created.header("Location")).isEqualTo("/api/v1/comparisons/" + id);
        assertThat(created.json().get("status").asString()).isIn("queued", "running");
        JsonNode done = awaitEnd(id);
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("progress").get("sheetsDone").asInt()).isEqualTo(3);
        assertThat(done.get("progress").get("sheetsTotal").asInt()).isEqualTo(3);
        assertThat(done.get("progress").get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("counts").get("changed").asInt()).isEqualTo(1);
        assertThat(done.get("counts").get("unchanged").asInt()).isEqualTo(2);
        List<String> statuses = new ArrayList<>();
        done.get("sheets").forEach(s -> statuses.add(s.get("label").asString() + " " + s.get("status").asString()));
        assertThat(statuses).containsExactly("A-101 unchanged", "A-102 changed", "A-103 unchanged");

        // and the per-sheet results carry the regions of the changed dimension, with links to its images
        JsonNode sheets = api().get("/api/v1/comparisons/" + id + "/sheets").json();
        assertThat(sheets).hasSize(3);
        JsonNode changed = sheets.get(1);
        assertThat(changed.get("label").asString()).isEqualTo("A-102");
        assertThat(changed.get("page").get("regions").size()).isGreaterThanOrEqualTo(1);
        assertThat(changed.get("page").get("textChanges").toString()).contains("17'-2\\\"");
        assertThat(changed.get("page").get("alignment")).isNotNull();
        String overlay = changed.get("images").get("overlay").asString();
        assertThat(overlay).isEqualTo("/api/v1/comparisons/" + id + "/sheets/1/overlay");
        ApiClient.Response png = api().get(overlay);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        assertThat(png.raw().body()).startsWith(0x89, 'P', 'N', 'G');
        for (String kind : List.of("old", "new", "preview", "thumbnail")) {
            assertThat(api().get("/api/v1/comparisons/" + id + "/sheets/1/" + kind).status()).as(kind).isEqualTo(200);
        }
        assertThat(api().get("/api/v1/comparisons/" + id + "/sheets/1").json().get("label").asString())
                .isEqualTo("A-102");

        // an image the caller already has is not sent again
        String etag = png.header("ETag");
        assertThat(api().getWith(overlay, "If-None-Match", etag).status()).isEqualTo(304);

        // the set-level result.json and the report, whose images resolve under report/
        JsonNode result = api().get("/api/v1/comparisons/" + id + "/result.json").json();
        assertThat(result.get("pages").size()).isEqualTo(3);
        // it names the sets as people know them, not by the store's folder names
        assertThat(result.get("oldName").asString()).isEqualTo("Architectural · Rev A");
        assertThat(result.get("newName").asString()).isEqualTo("Architectural · Rev B");
        assertThat(api().get("/api/v1/comparisons/" + id + "/report").header("Location"))
                .isEqualTo("/api/v1/comparisons/" + id + "/report/");
        ApiClient.Response report = api().get("/api/v1/comparisons/" + id + "/report/");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text()).contains("<title>Architectural · Rev A → Architectural · Rev B · BuildTrace</title>");
        assertThat(report.header("Content-Type")).startsWith("text/html");
        String image = report.text().replaceAll("(?s).*?src=\"(sheets/[^\"]+\\.png)\".*", "$1");
        assertThat(api().get("/api/v1/comparisons/" + id + "/report/" + image).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/comparisons/" + id + "/report/logs/buildtrace.log").status()).isEqualTo(404);

        // the list of recent comparisons shows it, newest first, with a thumbnail of the changed sheet
        JsonNode list = api().get("/api/v1/comparisons?projectId=" + project).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode item = list.get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo(id.toString());
        assertThat(item.get("oldRevision").get("label").asString()).isEqualTo("Rev A");
        assertThat(item.get("newRevision").get("label").asString()).isEqualTo("Rev B");
        assertThat(item.get("thumbnailUrl").asString()).isEqualTo("/api/v1/comparisons/" + id + "/sheets/1/thumbnail");
        assertThat(api().get(item.get("thumbnailUrl").asString()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/comparisons?projectId=" + project + "&status=completed").json()
                .get("total").asInt()).isEqualTo(1);
        assertThat(api().get("/api/v1/comparisons?projectId=" + project + "&status=failed").json()
                .get("total").asInt()).isZero();

        // asking for the same pair again returns the same comparison, without running it twice
        ApiClient.Response again = api().post("/api/v1/comparisons",
                "{\"oldRevisionId\": \"" + a.id() + "\", \"newRevisionId\": \"" + b.id() + "\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.id()).isEqualTo(id);

        // the original upload downloads byte for byte, under its own name
        ApiClient.Response original = api().get("/api/v1/revisions/" + a.id() + "/files/0");
        assertThat(original.raw().body()).isEqualTo(Files.readAllBytes(revA));
        assertThat(original.header("Content-Disposition")).contains("flow-a.pdf");
    }

    @Test
    void comparesTwoFilesUploadedDirectly() throws Exception {
        UUID project = project("Direct");
        Path older = sheetSet("direct-old.pdf", 2);
        Path newer = sheetSet("direct-new.pdf", 2, 0);

        ApiClient.Response created = api().upload("/api/v1/comparisons?projectId=" + project, java.util.Map.of(),
                List.of(new ApiClient.Part("oldFile", older), new ApiClient.Part("newFile", newer)));

        assertThat(created.status()).isEqualTo(202);
        JsonNode done = awaitEnd(created.id());
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("oldRevision").get("setName").asString()).isEqualTo("direct-new");
        assertThat(done.get("counts").get("changed").asInt()).isEqualTo(1);
        // the old file again, against another new file: the old one is reused as the same revision
        Path newest = sheetSet("direct-newest.pdf", 2, 1);
        ApiClient.Response second = api().upload("/api/v1/comparisons?projectId=" + project + "&setName=direct-new",
                java.util.Map.of(), List.of(new ApiClient.Part("oldFile", older), new ApiClient.Part("newFile", newest)));
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("oldRevision").get("id").asString())
                .isEqualTo(done.get("oldRevision").get("id").asString());
        awaitEnd(second.id());
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
