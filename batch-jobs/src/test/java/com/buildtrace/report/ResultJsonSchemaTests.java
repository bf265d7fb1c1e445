package com.buildtrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result schema on hand-written documents: a valid one passes, and each kind of mistake a consumer
 * (the benchmark among them) must not be handed is rejected at the place it was made.
 */
class ResultJsonSchemaTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A changed pair, an added sheet, a pair that failed and a removed sheet, as the writer lays them out. */
    private static final String VALID = """
            {"schemaVersion": 1,
             "engine": {"name": "buildtrace", "version": "dev"},
             "old": "rev-A.pdf", "new": "rev-B.pdf",
             "options": {"dpi": 150.0, "threads": 2, "bandMegapixels": 128, "fullImages": false},
             "summary": {"sheets": 4, "changed": 1, "unchanged": 0, "added": 1, "removed": 1, "failed": 1,
                         "regions": 1, "textChanges": 1, "millis": 812,
                         "stageMillis": {"read": 120, "identify": 80, "pair": 1, "compare": 600}},
             "legend": {"removed": "#D62728", "added": "#1F5FD6", "unchanged": "#A9A9A9",
                        "unchangedLight": "#E6E6E6"},
             "pages": [
               {"oldPage": 0, "newPage": 0, "sheet": "E201A", "title": "LIGHTING PLAN", "status": "changed",
                "oldSheet": "E201A", "newSheet": "E201A", "pairedBy": "number",
                "oldSize": [2592.0, 1728.0], "newSize": [2592.0, 1728.0],
                "alignment": {"matrix": [1.001, 0.0, 0.0, 1.001, -3.2959636, 0.6358958], "aligned": true,
                              "method": "text", "confidence": 0.97, "residualPt": 0.0812,
                              "dx": -3.296, "dy": 0.636, "scale": 1.001, "rotationDeg": 0.0},
                "regions": [{"x": 2003.1, "y": 1069.8, "width": 22.4, "height": 12.7, "kind": "modified",
                             "id": "r1", "addedPx": 45, "removedPx": 31, "areaPt2": 17.51}],
                "textChanges": [{"kind": "replaced", "old": "E-13", "new": "E-15",
                                 "x": 2003.5, "y": 1070.0, "width": 21.9, "height": 12.2, "regionId": "r1"}],
                "changedAreaPt2": 17.51, "dpi": 150.0,
                "images": {"preview": "sheets/sheet-001-E201A/preview.png",
                           "thumbnail": "sheets/sheet-001-E201A/thumbnail.png",
                           "width": 5400, "height": 3600, "dpi": 150.0, "previewWidth": 1800, "previewHeight": 1200},
                "millis": 495, "stageMillis": {"open": 4, "align": 31}},
               {"oldPage": null, "newPage": 1, "sheet": "S-103", "status": "added", "newSheet": "S-103",
                "newSize": [2592.0, 1728.0], "millis": 128},
               {"oldPage": 5, "newPage": 2, "sheet": "E-501", "status": "failed", "oldSheet": "E-501",
                "newSheet": "E-501", "pairedBy": "number", "oldSize": [2592.0, 1728.0], "newSize": [2592.0, 1728.0],
                "error": "rev-B.pdf page 3: the content stream cannot be read", "millis": 3},
               {"oldPage": 3, "newPage": null, "sheet": null, "status": "removed",
                "oldSize": [2592.0, 1728.0], "millis": 97}
             ]}
            """;

    @Test
    void schemaIsAValidDraft202012Schema() throws IOException {
        // given
        JsonNode schema = readSchemaResource();

        // when
        List<String> violations = ResultSchema.validateAgainstMetaSchema(schema);

        // then
        assertThat(violations).isEmpty();
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).isEqualTo(ResultSchema.ID);
    }

    @Test
    void handWrittenDocumentIsValid() {
        // given
        JsonNode document = MAPPER.readTree(VALID);

        // when
        List<String> violations = ResultSchema.validate(document);

        // then
        assertThat(violations).isEmpty();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("status outside the enum", "/pages/0/status",
                        d -> object(d, "/pages/0").put("status", "moved")),
                mistake("matrix of 5 numbers", "/pages/0/alignment/matrix",
                        d -> ((ArrayNode) d.at("/pages/0/alignment/matrix")).remove(5)),
                mistake("matrix entry not a number", "/pages/0/alignment/matrix/4",
                        d -> ((ArrayNode) d.at("/pages/0/alignment/matrix")).set(4, "12")),
                mistake("alignment method outside the enum", "/pages/0/alignment/method",
                        d -> object(d, "/pages/0/alignment").put("method", "ecc")),
                mistake("region kind outside the enum", "/pages/0/regions/0/kind",
                        d -> object(d, "/pages/0/regions/0").put("kind", "changed")),
                mistake("non-numeric box", "/pages/0/regions/0/x",
                        d -> object(d, "/pages/0/regions/0").put("x", "2003.1")),
                mistake("negative box width", "/pages/0/regions/0/width",
                        d -> object(d, "/pages/0/regions/0").put("width", -1.0)),
                mistake("region with a property the writer never writes", "/pages/0/regions/0",
                        d -> object(d, "/pages/0/regions/0").put("score", 0.5)),
                mistake("replaced text without new words", "/pages/0/textChanges/0",
                        d -> object(d, "/pages/0/textChanges/0").putNull("new")),
                mistake("text change kind outside the enum", "/pages/0/textChanges/0",
                        d -> object(d, "/pages/0/textChanges/0").put("kind", "modified")),
                mistake("negative page index", "/pages/3/oldPage",
                        d -> object(d, "/pages/3").put("oldPage", -1)),
                mistake("page index not an integer", "/pages/3/oldPage",
                        d -> object(d, "/pages/3").put("oldPage", "3")),
                mistake("removed sheet with a new page", "/pages/3/newPage",
                        d -> object(d, "/pages/3").put("newPage", 0)),
                mistake("added sheet with an old page", "/pages/1/oldPage",
                        d -> object(d, "/pages/1").put("oldPage", 4)),
                mistake("unchanged page with a region", "/pages/0/regions",
                        d -> object(d, "/pages/0").put("status", "unchanged")),
                mistake("failed pair without its error", "/pages/2",
                        d -> object(d, "/pages/2").remove("error")),
                mistake("compared pair with an error", "/pages/0/error",
                        d -> object(d, "/pages/0").put("error", "none")),
                mistake("pairedBy outside the enum", "/pages/0/pairedBy",
                        d -> object(d, "/pages/0").put("pairedBy", "title")),
                mistake("page without status", "/pages/0",
                        d -> object(d, "/pages/0").remove("status")),
                mistake("no pages", "",
                        d -> ((ObjectNode) d).remove("pages")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakeIsRejectedWhereItWasMade(String name, String location, Consumer<JsonNode> change) {
        // given
        JsonNode document = MAPPER.readTree(VALID);
        change.accept(document);

        // when
        List<String> violations = ResultSchema.validate(document);

        // then
        assertThat(violations).anySatisfy(v -> assertThat(v).startsWith(location + ":"));
    }

    private static Arguments mistake(String name, String location, Consumer<JsonNode> change) {
        return Arguments.of(name, location, change);
    }

    private static ObjectNode object(JsonNode document, String pointer) {
        return (ObjectNode) document.at(pointer);
    }

    private static JsonNode readSchemaResource() throws IOException {
        try (InputStream in = ResultJsonSchemaTests.class.getClassLoader().getResourceAsStream(ResultSchema.RESOURCE)) {
            return MAPPER.readTree(Objects.requireNonNull(in, "no classpath resource " + ResultSchema.RESOURCE));
        }
    }
}
