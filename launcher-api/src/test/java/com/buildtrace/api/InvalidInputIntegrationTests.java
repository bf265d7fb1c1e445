package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Whatever is wrong with a request, the answer is a 4xx problem detail that says what to change. */
class InvalidInputIntegrationTests extends ApiIntegrationTest {

    @Test
    void refusesFilesThatAreNotDrawingsWhateverTheirName() throws Exception {
        UUID project = project("Types");
        UUID set = drawingSet(project, "Architectural");
        Path fake = Files.writeString(FIXTURES.resolve("plans.pdf"), "<html><body>not a drawing</body></html>");

        ApiClient.Response r = uploadRevision(project, set, "Rev A", fake);

        assertProblem(r, 415, "file 'plans.pdf' is an HTML or XML document, not a drawing");
        assertThat(api().get("/api/v1/projects/" + project + "/revisions").json().get("total").asInt()).isZero();
    }

    @Test
    void refusesEmptyMissingDamagedAndOversizedUploads() throws Exception {
        UUID project = project("Uploads");
        UUID set = drawingSet(project, "Architectural");
        Path empty = Files.createFile(FIXTURES.resolve("empty.pdf"));
        Path damaged = Files.write(FIXTURES.resolve("damaged.pdf"), "%PDF-1.7\n1 0 obj garbage".getBytes());
        Path big = FIXTURES.resolve("big.pdf");
        byte[] header = "%PDF-1.7\n".getBytes();
        byte[] content = new byte[4 * 1024 * 1024];
        System.arraycopy(header, 0, content, 0, header.length);
        Files.write(big, content);

        assertProblem(uploadRevision(project, set, "Rev A", empty), 400, "file 'empty.pdf' is empty");
        assertProblem(uploadRevision(project, set, "Rev A"), 400, "no files");
        assertProblem(uploadRevision(project, set, "Rev A", damaged), 422, "file 'damaged.pdf' is not a readable PDF");
        assertProblem(uploadRevision(project, set, "Rev A", big), 413, "limit of 3 MB");
        assertProblem(api().upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of(),
                List.of(new ApiClient.Part("files", sheetSet("nolabel.pdf", 1)))), 400, "label");
    }

    @Test
    void refusesTheSameUploadTwiceInOneSet() throws Exception {
        UUID project = project("Duplicates");
        UUID set = drawingSet(project, "Architectural");
        Path file = sheetSet("dup.pdf", 1);
        UUID first = uploadRevision(project, set, "Rev A", file).id();

        ApiClient.Response again = uploadRevision(project, set, "Rev B", file);

        assertProblem(again, 409, "already uploaded as revision 'Rev A' (" + first + ")");
        // the earlier revision's id as a member of its own, for clients that reuse it
        assertThat(again.json().get("revisionId").asString()).isEqualTo(first.toString());
        // the same file in another set is a different drawing set's revision: accepted, and linked
        UUID other = drawingSet(project, "Copies");
        assertThat(uploadRevision(project, other, "Rev A", file).status()).isEqualTo(201);
    }

    @Test
    void answersUnknownIdsWithNotFound() {
        UUID unknown = UUID.randomUUID();
        assertProblem(api().get("/api/v1/projects/" + unknown), 404, "no project " + unknown);
        assertProblem(api().get("/api/v1/revisions/" + unknown), 404, "no revision " + unknown);
        assertProblem(api().get("/api/v1/comparisons/" + unknown), 404, "no comparison " + unknown);
        assertProblem(api().get("/api/v1/comparisons/" + unknown + "/sheets/0/overlay"), 404, "no comparison");
        assertProblem(api().post("/api/v1/comparisons/" + unknown + "/cancel", ""), 404, "no comparison");
        assertProblem(api().post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + unknown + "\", \"newRevisionId\": \""
                + UUID.randomUUID() + "\"}"), 404, "no revision " + unknown);
        assertThat(api().get("/api/v1/projects/not-a-uuid").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void validatesBodiesAndParameters() throws Exception {
        assertProblem(api().post("/api/v1/projects", "{\"name\": \"\"}"), 400, "name");
        assertProblem(api().post("/api/v1/projects", "{not json"), 400, "");
        UUID project = project("Validation");
        assertProblem(api().patch("/api/v1/projects/" + project, "{\"compareSchedule\": \"every monday\"}"), 400,
                "not a cron expression");
        assertProblem(api().get("/api/v1/comparisons?status=done"), 400, "status must be one of");
        assertProblem(api().get("/api/v1/projects?size=1000"), 400, "size must be between 1 and 100");
        assertProblem(api().post("/api/v1/comparisons", "{\"oldRevisionId\": null}"), 400, "");
        UUID set = drawingSet(project, "Architectural");
        UUID a = uploadRevision(project, set, "Rev A", sheetSet("val-a.pdf", 1)).id();
        UUID b = uploadRevision(project, set, "Rev B", sheetSet("val-b.pdf", 1, 0)).id();
        assertProblem(api().post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \"" + a
                + "\"}"), 400, "the same revision");
        assertProblem(api().post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \"" + b
                + "\", \"dpi\": 5000}"), 400, "dpi must be between 36 and 600");
        assertProblem(api().post("/api/v1/projects/" + project + "/sets", "{\"name\": \"architectural\"}"), 409,
                "already has a drawing set named");
    }

    static void assertProblem(ApiClient.Response r, int status, String detail) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asString()).isNotBlank();
        assertThat(p.get("detail").asString()).contains(detail);
    }
}
