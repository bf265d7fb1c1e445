package com.buildtrace.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlackMessageTests {

    @Test
    void aCompletedComparisonIsAHeaderFactsTopChangesSheetsAndAButton() {
        JsonNode m = JsonMapper.shared().readTree(SlackMessage.of(Digests.completed(), false));

        assertThat(m.get("text").asString()).isEqualTo("A-Set rev 3 → rev 4: 7 sheets changed, 1 added, 1 removed "
                + Digests.LINK);
        JsonNode blocks = m.get("blocks");
        assertThat(types(blocks)).containsExactly("header", "section", "section", "section", "section", "section",
                "section", "actions", "context");
        assertThat(blocks.get(0).get("text").get("type").asString()).isEqualTo("plain_text");
        assertThat(blocks.get(1).get("fields").findValuesAsString("text")).containsExactly(
                "*Project*\nHarbor &lt;Clinic&gt; &amp; Co", "*Duration*\n2 min 14 s", "*Sheets*\n12 (3 unchanged)",
                "*Changed / added / removed*\n7 / 1 / 1");
        assertThat(texts(blocks)).containsSubsequence("The east wing was re-planned.",
                "*Top changes*\n• *A-101* Door D3 moved 4 ft east _(high)_\n• *A-103* Text changed: 12'-6\" → "
                        + "13'-0\" _(medium)_",
                "*Changed (7)*\n• A-101 Floor plan — 7 changes\n• A-102 — 6 changes\n• A-103 — 5 changes\n"
                        + "• A-104 — 4 changes\n• A-105 — 3 changes\n• A-106 — 2 changes\n• A-107 — 1 change",
                "*Added (1)*\n• A-501 Details", "*Removed (1)*\n• A-900");
        JsonNode button = blocks.get(7).get("elements").get(0);
        assertThat(button.get("url").asString()).isEqualTo(Digests.LINK);
        assertThat(button.get("text").get("text").asString()).isEqualTo("Open the comparison");
    }

    @Test
    void aFailedComparisonSaysWhyWithoutAButtonWhenThereIsNoLink() {
        JsonNode blocks = JsonMapper.shared().readTree(SlackMessage.of(Digests.failed(), false)).get("blocks");

        assertThat(blocks.get(0).get("text").get("text").asString())
                .isEqualTo("Structural Rev A → Rev B: comparison failed");
        assertThat(blocks.get(1).get("fields").findValuesAsString("text")).contains("*Could not be compared*\n2");
        assertThat(texts(blocks)).contains("*The comparison failed:* the new set is not a PDF: s-rev-b.pdf",
                "*Could not be compared (2)*\n• S-201 — page 3 could not be rendered\n"
                        + "• S-202 — page 4 could not be rendered");
        assertThat(types(blocks)).doesNotContain("actions");
    }

    @Test
    void aHeaderLongerThanSlackAllowsIsCut() {
        ComparisonDigest d = new ComparisonDigest(Digests.ID, "P", "S".repeat(200), "1", "2", false, null, null,
                new ComparisonDigest.Counts(1, 0, 0, 0, 0), List.of(), List.of(), null, null);

        String header = JsonMapper.shared().readTree(SlackMessage.of(d, true)).get("blocks").get(0).get("text")
                .get("text").asString();

        assertThat(header).hasSize(150).startsWith("[Test] SSS").endsWith("…");
    }

    private static List<String> types(JsonNode blocks) {
        List<String> out = new ArrayList<>();
        blocks.forEach(b -> out.add(b.get("type").asString()));
        return out;
    }

    private static List<String> texts(JsonNode blocks) {
        List<String> out = new ArrayList<>();
        blocks.forEach(b -> {
            if (b.has("text") && b.get("text").has("text")) {
                out.add(b.get("text").get("text").asString());
            }
        });
        return out;
    }
}
