package com.buildtrace.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * summary.schema.json is a valid draft 2020-12 schema, and the definitions the model is held to obey OpenAI's
 * strict mode (every object closed, every property required, every reference resolved inside what is sent).
 */
class SummarySchemaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSchemaIsAValidDraft202012Schema() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SummarySchema.RESOURCE)) {
            assertThat(SummarySchemaCheck.validateSchemaItself(JSON.readTree(in))).isEmpty();
        }
    }

    @Test
    void theModelsSchemasAreStrictAndSelfContained() {
        for (String name : List.of(SummarySchema.SHEET, SummarySchema.SET)) {
            JsonNode schema = JSON.readTree(SummarySchema.standalone(name).toString());
            List<String> problems = new ArrayList<>();
            strict(schema, name, problems);
            assertThat(problems).as(name).isEmpty();
            assertThat(refs(schema)).as(name).allSatisfy(ref -> assertThat(schema.at(ref.substring(1)).isMissingNode())
                    .as(ref).isFalse());
        }
        assertThat(JSON.readTree(SummarySchema.standalone(SummarySchema.SET).toString()).path("$defs").propertyNames())
                .containsExactlyInAnyOrder("sheetImpact", "severity", "trade");
    }

    @Test
    void aDocumentWithAnUnknownTradeOrAMissingFieldIsRejected() {
        JsonNode bad = JSON.readTree("""
                {"schemaVersion": 1, "comparisonId": "6c1f0a52-3d1e-4f57-9d0a-2b8f1f3c9e10", "version": 1,
                 "createdAt": "2026-11-28T10:00:00Z", "createdBy": "system", "kind": "ai", "label": "x",
                 "status": "completed", "model": "gpt-4.1-mini", "note": null,
                 "usage": {"requests": 1, "inputTokens": 10, "outputTokens": 5, "estimatedCostUsd": 0.0},
                 "set": {"source": "ai", "note": null, "overallSummary": "s", "sheetsByImpact": [],
                         "tradesAffected": ["Roofing"],
                         "counts": {"sheets": 0, "changed": 0, "unchanged": 0, "added": 0, "removed": 0, "failed": 0}},
                 "sheets": [{"sheet": "A-101", "title": null, "oldPage": 0, "newPage": 0, "status": "changed",
                             "source": "ai", "note": null, "summary": "s", "criticalChange": null,
                             "recommendations": []}]}""");

        assertThat(SummarySchemaCheck.validate(bad)).hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("/set/tradesAffected/0"))
                .anySatisfy(e -> assertThat(e).contains("/sheets/0").contains("changes"));
    }

    /** Objects closed with all their properties required, recursively. */
    private static void strict(JsonNode n, String path, List<String> problems) {
        if (n.has("properties")) {
            List<String> props = new ArrayList<>(n.get("properties").propertyNames());
            List<String> required = new ArrayList<>();
            n.path("required").forEach(r -> required.add(r.asString()));
            if (!required.containsAll(props)) {
                problems.add(path + ": not every property is required");
            }
            if (n.path("additionalProperties").asBoolean(true)) {
                problems.add(path + ": not closed (additionalProperties)");
            }
        }
        for (String key : n.propertyNames()) {
            strict(n.get(key), path + "/" + key, problems);
        }
        if (n.isArray()) {
            n.forEach(e -> strict(e, path + "[]", problems));
        }
    }

    private static List<String> refs(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.has("$ref")) {
            out.add(n.get("$ref").asString());
        }
        n.forEach(c -> out.addAll(refs(c)));
        return out;
    }
}
