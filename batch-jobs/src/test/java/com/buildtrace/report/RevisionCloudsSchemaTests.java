package com.buildtrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.CompareListener;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.fixtures.CloudedSheets;
import com.buildtrace.fixtures.Sheets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The cloud audit in result.json (valid against the schema, the bench contract untouched) and in the report. */
class RevisionCloudsSchemaTests {

    @TempDir
    Path dir;

    @Test
    void theAuditIsAnAdditiveFieldOfEachComparedSheetAndTheReportShowsIt() throws IOException {
        // given
        Path oldFile = Sheets.write(dir.resolve("a.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.OLD));
        Path newFile = Sheets.write(dir.resolve("b.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.NEW));
        SetComparison result = new SetComparator().compare(oldFile, newFile, dir.resolve("out"),
                CompareOptions.defaults().withFullImages(false), CompareListener.NONE);

        // when
        new ResultJsonWriter().write(result, dir.resolve("result.json"), "test");
        new HtmlReportWriter().write(result, dir.resolve("index.html"));

        // then
        JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("result.json").toFile());
        assertThat(ResultSchema.validate(json)).isEmpty();
        JsonNode audit = json.get("pages").get(0).get("revisionClouds");
        assertThat(audit.get("clouds")).hasSize(2);
        JsonNode c1 = audit.get("clouds").get(0);
        assertThat(c1.get("id").asString()).isEqualTo("c1");
        assertThat(c1.get("revision").asString()).isEqualTo("2");
        assertThat(c1.get("outline").size()).isEqualTo(2 * c1.get("scallops").asInt());
        assertThat(audit.get("emptyCloudIds").get(0).asString()).isEqualTo("c2");
        assertThat(audit.get("uncloudedRegionIds")).hasSize(1);
        assertThat(audit.get("deltas").get(0).get("revision").asString()).isEqualTo("2");
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("Revision clouds: 2 clouds, 1 changes without a cloud, 1 clouds around no change",
                "<polygon class=\"cloud empty\"", "class=\"unclouded\"");

        // and a mistake in the new field is caught by the schema
        ((ObjectNode) c1).put("scallops", 2);
        assertThat(ResultSchema.validate(json)).isNotEmpty();
    }
}
