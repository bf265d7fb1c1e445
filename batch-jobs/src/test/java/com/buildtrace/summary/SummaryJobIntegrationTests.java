package com.buildtrace.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.ai.TokenUsage;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.fixtures.Sheets;
import com.buildtrace.job.ComparisonLauncher;
import com.buildtrace.job.JobRequest;
import com.buildtrace.testing.AiIntegrationTest;
import com.buildtrace.testing.OpenAiMock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * compareDrawingsJob with the AI pointed at a local server serving recorded responses, on the real
 * PostgreSQL: the summary stored with its tokens and cost, summary.json written, the report showing it; a
 * failed AI summary recorded while the deterministic one stands in; regenerate, edit and history.
 */
public class SummaryJobIntegrationTests extends AiIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Autowired
    ComparisonLauncher launcher;

    @Autowired
    SummaryService summaries;

    /** Two sheets; on A-101 a dimension changes (16'-8" to 17'-0") and note 2 goes; S-201 stays as it was. */
    public static JobRequest compareTwoSheets(Path dir, ComparisonLauncher launcher) throws Exception {
        Path oldFile = Sheets.write(dir.resolve("rev-a.pdf"), List.of(Sheets.Sheet.of("A-101", Sheets.PLAN),
                Sheets.Sheet.of("S-201", Sheets.PLAN)));
        Path newFile = Sheets.write(dir.resolve("rev-b.pdf"), List.of(
                Sheets.Sheet.of("A-101", Sheets.plan("17'-0\"", false)), Sheets.Sheet.of("S-201", Sheets.PLAN)));
        JobRequest request = new JobRequest(UUID.randomUUID(), oldFile.toUri().toString(), newFile.toUri().toString(),
                dir.resolve("out").toUri().toString(), CompareOptions.defaults().withFullImages(false));
        assertThat(launcher.run(request).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return request;
    }

    @Test
    void theJobStoresTheAiSummaryWritesSummaryJsonAndPutsItInTheReport() throws Exception {
        // when
        UUID id = compareTwoSheets(dir, launcher).comparisonId();

        // then the model was asked about A-101 only, then about the set
        List<OpenAiMock.Request> requests = MOCK.requests();
        assertThat(requests).extracting(OpenAiMock.Request::schemaName)
                .containsExactly(SummarySchema.SHEET, SummarySchema.SET);
        String sheetText = requests.get(0).body().path("messages").get(1).path("content").get(0).path("text")
                .asString();
        assertThat(sheetText).startsWith("Changes detected on sheet A-101:").contains("\"old\":\"16'-8\\\"\"")
                .contains("\"new\":\"17'-0\\\"\"").contains("\"old\":\"2. PATCH AND PAINT EXISTING WALLS.\"");
        // crops of the preview (no full-size overlay was written), none of them the whole sheet
        BufferedImage preview = ImageIO.read(dir.resolve("out/sheets").toFile().listFiles()[0].toPath()
                .resolve("preview.png").toFile());
        List<BufferedImage> crops = images(requests.get(0).body());
        assertThat(crops).isNotEmpty().allSatisfy(c -> {
            assertThat(Math.max(c.getWidth(), c.getHeight())).isLessThanOrEqualTo(1024);
            assertThat(c.getWidth() * (long) c.getHeight()).isLessThan(preview.getWidth() * (long) preview.getHeight() / 3);
        });

        // the history holds the AI summary with the tokens and cost the server reported
        SummaryVersion v = summaries.current(id).orElseThrow();
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.kind()).isEqualTo(SummarySource.AI);
        assertThat(v.status()).isEqualTo(SummaryStatus.COMPLETED);
        assertThat(v.model()).isEqualTo("gpt-4.1-mini");
        assertThat(v.usage()).isEqualTo(new TokenUsage(2, 2044, 459, 0.001552));
        List<String> regionIds = v.summary().sheets().get(0).changes().stream()
                .flatMap(c -> c.regionIds().stream()).toList();
        assertThat(regionIds).containsExactly("r1", "r2");

        // summary.json: the same, valid against the schema
        JsonNode file = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(SummarySchemaCheck.validate(file)).isEmpty();
        assertThat(file.path("kind").asString()).isEqualTo("ai");
        assertThat(file.path("version").asInt()).isEqualTo(1);
        assertThat(file.path("usage").path("inputTokens").asInt()).isEqualTo(2044);
        assertThat(file.path("sheets").get(0).path("summary").asString()).startsWith("The storage room grows");

        // the report: the set's summary on top, A-101's next to its regions, each change linked to its boxes
        String html = Files.readString(dir.resolve("out/index.html"));
        assertThat(html).contains("<span class=\"by ai\">AI-written</span>")
                .contains("One sheet changed: on A-101 the storage room grows by 4 in")
                .contains("STORAGE 202 is now 17&#39;-0&quot; long")
                .contains("<a href=\"#s-n0-" + regionIds.get(0) + "\" data-box=\"s-n0-" + regionIds.get(0) + "\">")
                .contains("<rect id=\"s-n0-" + regionIds.get(0) + "\"");
    }

    @Test
    void aFailedAiSummaryIsRecordedWithItsReasonWhileTheDeterministicOneStandsAndRegenerateTriesAgain()
            throws Exception {
        // given an API that fails every request
        MOCK.failWhenBodyContains("", OpenAiMock.serverError());

        // when
        UUID id = compareTwoSheets(dir, launcher).comparisonId();

        // then the comparison completed, the attempt failed with its reason, the deterministic summary stands
        List<SummaryVersion> history = summaries.history(id);
        assertThat(history).extracting(SummaryVersion::version, SummaryVersion::kind, SummaryVersion::status)
                .containsExactly(tuple(2, SummarySource.DETERMINISTIC, SummaryStatus.COMPLETED),
                        tuple(1, SummarySource.AI, SummaryStatus.FAILED));
        assertThat(history.get(1).error()).isEqualTo("sheet A-101: HTTP 500 (server error) after 2 attempts: The "
                + "server had an error while processing your request. Sorry about that!");
        assertThat(history.get(1).summary()).isNull();
        JsonNode file = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(file.path("kind").asString()).isEqualTo("deterministic");
        assertThat(file.path("label").asString()).isEqualTo("Computed from the detected changes; not written by an AI.");
        assertThat(file.path("note").asString()).startsWith("The AI summary failed (sheet A-101: HTTP 500");
        assertThat(Files.readString(dir.resolve("out/index.html"))).contains("not AI-written");

        // when the API is back and the summary regenerated
        MOCK.reset();
        SummaryVersion again = summaries.regenerate(id);

        // then a third version, AI-written, is current, and the report says so
        assertThat(again.version()).isEqualTo(3);
        assertThat(again.kind()).isEqualTo(SummarySource.AI);
        assertThat(summaries.current(id).orElseThrow().version()).isEqualTo(3);
        assertThat(JSON.readTree(dir.resolve("out/summary.json").toFile()).path("version").asInt()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("out/index.html"))).contains("AI-written")
                .contains("The storage room grows");
    }

    @Test
    void anEditIsANewVersionMarkedEditedAndAnEditNamingAnUnknownRegionIsRefused() throws Exception {
        UUID id = compareTwoSheets(dir, launcher).comparisonId();
        JsonNode doc = JSON.readTree(dir.resolve("out/summary.json").toFile());
        String edited = doc.toString().replace("The storage room grows:", "Storage 202 is 4 in longer:");

        SummaryVersion v = summaries.edit(id, edited, "maria@contractor.example");

        assertThat(v.version()).isEqualTo(2);
        assertThat(v.kind()).isEqualTo(SummarySource.EDITED);
        assertThat(v.createdBy()).isEqualTo("maria@contractor.example");
        assertThat(v.basedOnVersion()).isEqualTo(1);
        assertThat(v.summary().label()).startsWith("Edited by maria@contractor.example from version 1 (Written by AI");
        assertThat(v.summary().sheets()).extracting(SheetSummary::sheet, SheetSummary::source)
                .containsExactly(tuple("A-101", SummarySource.EDITED), tuple("S-201", SummarySource.DETERMINISTIC));
        assertThat(v.summary().set().source()).isEqualTo(SummarySource.AI);
        JsonNode file = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(SummarySchemaCheck.validate(file)).isEmpty();
        assertThat(file.path("sheets").get(0).path("summary").asString()).startsWith("Storage 202 is 4 in longer:");
        assertThat(Files.readString(dir.resolve("out/index.html"))).contains("<span class=\"by edited\">edited</span>")
                .contains("Storage 202 is 4 in longer:");

        String unknownRegion = doc.toString().replaceFirst("\"regionIds\":\\[\"r\\d+\"", "\"regionIds\":[\"r77\"");
        assertThatExceptionOfType(InvalidSummaryException.class)
                .isThrownBy(() -> summaries.edit(id, unknownRegion, "maria@contractor.example"))
                .withMessageStartingWith("sheet A-101 has no region r77");
        assertThatExceptionOfType(InvalidSummaryException.class)
                .isThrownBy(() -> summaries.edit(id, "{\"set\": 1", "maria@contractor.example"))
                .withMessageStartingWith("not JSON: ");
        assertThat(summaries.history(id)).extracting(SummaryVersion::version).containsExactly(2, 1);
    }

    static List<BufferedImage> images(JsonNode body) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            for (JsonNode part : message.path("content")) {
                String url = part.path("image_url").path("url").asString("");
                if (url.startsWith("data:image/png;base64,")) {
                    out.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(url.substring(22)))));
                }
            }
        }
        return out;
    }
}
