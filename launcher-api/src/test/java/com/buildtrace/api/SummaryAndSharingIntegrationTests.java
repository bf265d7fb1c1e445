package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a finished comparison offers besides its sheets: the summary (computed, as no AI key is configured
 * here, and labelled so), its history, regeneration and a person's edit; chat (503 without a key) and
 * suggested questions; the download package, the annotated PDF and the triage rows as JSON and CSV.
 */
class SummaryAndSharingIntegrationTests extends ApiIntegrationTest {

    UUID comparison;

    @BeforeEach
    void comparison() throws Exception {
        if (comparison != null) {
            return;
        }
        UUID project = project("Shared");
        UUID set = drawingSet(project, "Architectural");
        UUID a = uploadRevision(project, set, "Rev A", sheetSet("share-a.pdf", 3)).id();
        UUID b = uploadRevision(project, set, "Rev B", sheetSet("share-b.pdf", 3, 1, 2)).id();
        comparison = api().post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \""
                + b + "\"}").id();
        assertThat(awaitEnd(comparison).get("status").asString()).isEqualTo("completed");
    }

    @Test
    void servesTheComputedSummaryRegeneratesItAndKeepsAPersonsEdit() {
        String base = "/api/v1/comparisons/" + comparison + "/summary";
        JsonNode current = api().get(base).json();
        assertThat(current.get("version").asInt()).isEqualTo(1);
        assertThat(current.get("kind").asString()).isEqualToIgnoringCase("deterministic");
        assertThat(current.toString()).contains("A-102", "A-103");
        // each sheet's summary also comes with the sheet's regions, its changes naming them
        JsonNode changedSheet = api().get("/api/v1/comparisons/" + comparison + "/sheets").json().get(1);
        assertThat(changedSheet.get("summary").get("sheet").asString()).isEqualTo("A-102");
        List<String> regionIds = changedSheet.get("page").get("regions").findValuesAsString("id");
        assertThat(changedSheet.get("summary").get("changes").get(0).get("regionIds").get(0).asString())
                .isIn(regionIds);

        ApiClient.Response regenerate = api().post(base + ":regenerate", "");
        assertThat(regenerate.status()).isEqualTo(202);
        assertThat(regenerate.header("Location")).isEqualTo(base + "/history");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api().get(base + "/history").json().size() == 2);
        assertThat(api().get(base).json().get("version").asInt()).isEqualTo(2);

        String csvBefore = api().get("/api/v1/comparisons/" + comparison + "/report/changes.csv").header("ETag");
        ObjectNode document = (ObjectNode) api().get(base).json().get("summary");
        ((ObjectNode) document.get("set")).put("overallSummary", "Two dimensions on A-102 and A-103 changed; check the "
                + "door schedule.");
        ApiClient.Response edited = api().send("PUT", base, "{\"set\": " + document.get("set") + ", \"sheets\": "
                + document.get("sheets") + "}");
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(edited.json().get("kind").asString()).isEqualToIgnoringCase("edited");
        assertThat(edited.json().get("createdBy").asString()).isEqualTo("local");
        assertThat(api().get(base).json().get("summary").get("set").get("overallSummary").asString())
                .startsWith("Two dimensions on A-102");
        assertThat(api().get(base + "/history").json().size()).isEqualTo(3);
        // the triage file, whose trade and severity come from the summary, was written again with it
        assertThat(api().get("/api/v1/comparisons/" + comparison + "/report/changes.csv").header("ETag"))
                .isNotNull().isNotEqualTo(csvBefore);

        InvalidInputIntegrationTests.assertProblem(api().send("PUT", base, "{not a summary"), 422, "");
    }

    @Test
    void chatSaysAiIsNotConfiguredAndStillSuggestsQuestions() {
        String base = "/api/v1/comparisons/" + comparison + "/chat";

        InvalidInputIntegrationTests.assertProblem(api().post(base, "{\"question\": \"What changed on A-102?\"}"),
                503, "AI is not configured");
        InvalidInputIntegrationTests.assertProblem(api().post(base, "{\"question\": \"\"}"), 400, "question");

        JsonNode suggestions = api().get(base + "/suggestions").json().get("questions");
        assertThat(suggestions.size()).isGreaterThanOrEqualTo(1);
        assertThat(api().get(base).json().size()).isZero();
    }

    @Test
    void streamsTheDownloadPackageAndServesTheAnnotatedPdfAndTheTriage() throws Exception {
        String base = "/api/v1/comparisons/" + comparison;

        ApiClient.Response zip = api().get(base + "/package");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
        assertThat(zip.header("Content-Disposition")).contains("buildtrace-" + comparison + ".zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.raw().body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("result.json", "summary.json", "report.html", "annotated.pdf", "changes.csv",
                "sheets.csv");
        assertThat(names).anyMatch(n -> n.endsWith("/overlay.png")).anyMatch(n -> n.endsWith("/thumbnail.png"));

        ApiClient.Response pdf = api().get(base + "/annotated.pdf");
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.raw().body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        JsonNode changes = api().get(base + "/changes").json();
        assertThat(changes.size()).isGreaterThanOrEqualTo(2);
        assertThat(changes.findValuesAsString("sheet")).contains("A-102", "A-103");
        String csv = api().get(base + "/changes.csv").text();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("sheet", "kind");
        JsonNode sheets = api().get(base + "/triage/sheets").json();
        assertThat(sheets.size()).isEqualTo(3);
        assertThat(sheets.get(2).get("status").asString()).isEqualTo("unchanged");
        assertThat(api().get(base + "/sheets.csv").text().lines().count()).isEqualTo(4);
    }
}
