package com.buildtrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.cli.BuildTraceCli;
import com.buildtrace.samples.SampleSetGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the command line on the generated sample sets and checks the result.json it writes against the JSON
 * Schema of the schemas module, then a few values the sample sets are built to produce.
 */
class ResultJsonSchemaIntegrationTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The compare takes a few seconds: run it once for all tests. */
    @TempDir
    static Path dir;

    private static int exitCode;

    private static JsonNode result;

    @BeforeAll
    static void compareTheSampleSets() throws IOException {
        // given the two revisions of the sample set
        SampleSetGenerator generator = new SampleSetGenerator();
        Path oldSet = dir.resolve("clinic-rev-A.pdf");
        Path newSet = dir.resolve("clinic-rev-B.pdf");
        generator.write(SampleSetGenerator.Revision.A, oldSet);
        generator.write(SampleSetGenerator.Revision.B, newSet);
        Path out = dir.resolve("out");

        // when they are compared from the command line
        exitCode = BuildTraceCli.execute("compare", oldSet.toString(), newSet.toString(), "--out", out.toString(),
                "--no-full-images", "--quiet");
        result = MAPPER.readTree(out.resolve("result.json").toFile());
    }

    @Test
    void resultJsonMatchesTheSchema() {
        // then
        List<String> violations = ResultSchema.validate(result);

        assertThat(exitCode).isZero();
        assertThat(violations)
                .withFailMessage("result.json violates %s:%n%s", ResultSchema.RESOURCE, String.join("\n", violations))
                .isEmpty();
    }

    @Test
    void summaryCountsTheSheets() {
        // then
        JsonNode summary = result.get("summary");

        assertThat(summary.get("sheets").asInt()).isEqualTo(6);
        assertThat(summary.get("added").asInt()).isEqualTo(1);
        assertThat(result.get("pages").size()).isEqualTo(6);
    }

    @Test
    void untouchedSheetIsUnchanged() {
        // then
        JsonNode page = page("E-101");

        assertThat(page.get("status").asString()).isEqualTo("unchanged");
        assertThat(page.get("regions").size()).isZero();
        assertThat(page.get("textChanges").size()).isZero();
    }

    @Test
    void changedDimensionIsAReplacedText() {
        // then
        JsonNode page = page("A-101");

        assertThat(page.get("status").asString()).isEqualTo("changed");
        assertThat(page.get("textChanges").valueStream().toList())
                .extracting(t -> t.get("kind").asString(), t -> t.get("old").asString(), t -> t.get("new").asString())
                .contains(tuple("replaced", "24'-0\"", "26'-0\""));
    }

    @Test
    void textChangesLinkToRegionsOfTheirOwnPage() {
        // then: a cross-reference the schema cannot express
        for (JsonNode page : result.get("pages")) {
            if (!page.has("textChanges")) {
                continue;
            }
            List<String> regionIds = page.get("regions").valueStream().map(r -> r.get("id").asString()).toList();
            assertThat(page.get("textChanges").valueStream().filter(t -> t.has("regionId")))
                    .as("text changes of %s", page.get("sheet").asString())
                    .allSatisfy(t -> assertThat(regionIds).contains(t.get("regionId").asString()));
        }
    }

    private static JsonNode page(String sheet) {
        List<JsonNode> pages = result.get("pages").valueStream()
                .filter(p -> sheet.equals(p.get("sheet").asString()))
                .toList();
        assertThat(pages).as("pages of sheet %s", sheet).hasSize(1);
        return pages.get(0);
    }
}
