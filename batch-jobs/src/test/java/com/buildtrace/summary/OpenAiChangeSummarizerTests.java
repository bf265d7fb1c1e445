package com.buildtrace.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.buildtrace.ai.AiBudget;
import com.buildtrace.ai.AiProperties;
import com.buildtrace.ai.OpenAiClients;
import com.buildtrace.ai.TokenUsage;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.testing.OpenAiMock;
import com.openai.client.OpenAIClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real openai-java client against a local server serving recorded responses: what is sent (model, strict
 * JSON schema, the sheet's changes, downscaled crops and never the whole sheet), what is made of the answers
 * (summary, usage, cost), and what happens on 429, 500, a timeout, a malformed body and a spent budget.
 */
class OpenAiChangeSummarizerTests {

    @TempDir
    Path out;

    private final OpenAiMock mock = OpenAiMock.start();

    private final List<OpenAIClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        clients.forEach(OpenAIClient::close);
        mock.close();
    }

    private AiProperties properties() {
        return AiProperties.defaults().withEndpoint("sk-test-0123456789", mock.baseUrl());
    }

    private ChangeSummary summarize(AiProperties p, List<PageComparison> pages) {
        OpenAIClient client = OpenAiClients.create(p);
        clients.add(client);
        return new OpenAiChangeSummarizer(client, p).summarize(new SummaryRequest(UUID.randomUUID(), pages, out,
                new AiBudget(TokenUsage.NONE, p)));
    }

    private List<PageComparison> set() throws Exception {
        return List.of(SummaryFixtures.changed(out, "A-101", 0), SummaryFixtures.unchanged("S-201", 1),
                SummaryFixtures.added("A-501", 2));
    }

    @Test
    void sendsTheSheetsChangesAndDownscaledCropsUnderAStrictSchemaAndKeepsWhatComesBack() throws Exception {
        // given a changed, an unchanged and an added sheet
        List<PageComparison> pages = set();

        // when
        ChangeSummary summary = summarize(properties(), pages);

        // then one request for the changed sheet, one for the set; none for the others
        List<OpenAiMock.Request> requests = mock.requests();
        assertThat(requests).extracting(OpenAiMock.Request::schemaName)
                .containsExactly(SummarySchema.SHEET, SummarySchema.SET);
        OpenAiMock.Request sheet = requests.get(0);
        assertThat(sheet.path()).isEqualTo("/v1/chat/completions");
        assertThat(sheet.headers().get("Authorization")).isEqualTo("Bearer sk-test-0123456789");
        JsonNode body = sheet.body();
        assertThat(body.path("model").asString()).isEqualTo("gpt-4.1-mini");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(2000);
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asString()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        JsonNode schema = format.path("json_schema").path("schema");
        assertThat(schema.path("required")).extracting(JsonNode::asString)
                .containsExactly("summary", "changes", "criticalChange", "recommendations");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("$defs").propertyNames()).containsExactlyInAnyOrder("change", "trade", "severity");
        assertThat(JsonMapper.builder().build().readTree(SummarySchema.standalone(SummarySchema.SHEET).toString()))
                .isEqualTo(schema);

        // the sheet's changes as text: regions with kinds and positions, the text changes old -> new
        JsonNode parts = body.path("messages").get(1).path("content");
        String text = parts.get(0).path("text").asString();
        assertThat(text).startsWith("Changes detected on sheet A-101:")
                .contains("\"id\":\"r3\",\"kind\":\"added\",\"x\":790.0,\"y\":210.0,\"width\":100.0,\"height\":250.0")
                .contains("\"old\":\"16'-8\\\"\",\"new\":\"17'-0\\\"\",\"regionId\":\"r1\"")
                .contains("\"title\":\"FLOOR PLAN\"").doesNotContain("S-201").doesNotContain("A-501");

        // and crops of the overlay: PNG, at most 1024 px, never the whole sheet, showing the changed ink
        List<BufferedImage> images = new ArrayList<>();
        for (JsonNode part : parts) {
            if (part.path("type").asString().equals("image_url")) {
                String url = part.path("image_url").path("url").asString();
                assertThat(url).startsWith("data:image/png;base64,");
                assertThat(part.path("image_url").path("detail").asString()).isEqualTo("high");
                images.add(ImageIO.read(new ByteArrayInputStream(
                        Base64.getDecoder().decode(url.substring("data:image/png;base64,".length())))));
            }
        }
        assertThat(images).hasSize(3);
        assertThat(images).allSatisfy(i -> {
            assertThat(Math.max(i.getWidth(), i.getHeight())).isLessThanOrEqualTo(1024);
            assertThat(i.getWidth()).isLessThanOrEqualTo(SummaryFixtures.WIDTH / 2);
            assertThat(i.getHeight()).isLessThanOrEqualTo(SummaryFixtures.HEIGHT / 2);
        });
        // the first crop is around r3, the largest region: the added (blue) lines are in it
        assertThat(countColor(images.get(0), 0x1F5FD6)).isGreaterThan(500);
        // r3 with an inch of margin: 244 x 394 pt of the 1224 x 792 pt sheet, 508 x 821 px at 150 dpi
        assertThat(text).contains("\"image\":1,\"x\":718.0,\"y\":138.0,\"width\":244.0,\"height\":394.0,\"shows\":[\"r3\"]");
        assertThat(images.get(0).getWidth()).isEqualTo(509);
        assertThat(images.get(0).getHeight()).isEqualTo(821);

        // the answers make the summary: the model's words, only regions that exist, usage and cost
        assertThat(summary.kind()).isEqualTo(SummarySource.AI);
        assertThat(summary.status()).isEqualTo(SummaryStatus.COMPLETED);
        assertThat(summary.label()).startsWith("Written by AI (gpt-4.1-mini)");
        SheetSummary a101 = summary.sheets().get(0);
        assertThat(a101.source()).isEqualTo(SummarySource.AI);
        assertThat(a101.summary()).startsWith("The storage room grows");
        // r9, which the model named, does not exist
        assertThat(a101.changes()).extracting(SummaryChange::regionIds)
                .containsExactly(List.of("r1"), List.of("r2"));
        assertThat(a101.changes().get(0).oldValue()).isEqualTo("16'-8\"");
        assertThat(a101.changes().get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(a101.criticalChange()).startsWith("STORAGE 202 is now 17'-0\" long");
        assertThat(summary.sheets().get(1).source()).isEqualTo(SummarySource.DETERMINISTIC);
        assertThat(summary.sheets().get(1).summary()).isEqualTo("No changes found.");
        assertThat(summary.set().source()).isEqualTo(SummarySource.AI);
        assertThat(summary.set().sheetsByImpact()).extracting(SheetImpact::sheet).containsExactly("A-101");
        assertThat(summary.set().tradesAffected()).containsExactly(Trade.ARCHITECTURAL);
        // gpt-4.1-mini at $0.40 / $1.60 per million tokens: 2044 in, 459 out
        assertThat(summary.usage()).isEqualTo(new TokenUsage(2, 2044, 459, 0.001552));

        // and it is a valid summary.json
        JsonNode document = SummaryJson.document(UUID.randomUUID(), 1, java.time.OffsetDateTime.now(), "system",
                summary);
        assertThat(SummarySchemaCheck.validate(document)).isEmpty();
    }

    @Test
    void waitsWhatRetryAfterSaysOn429ThenSucceeds() throws Exception {
        mock.thenFault(OpenAiMock.rateLimited(1));

        ChangeSummary summary = summarize(properties(), set());

        List<OpenAiMock.Request> requests = mock.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).headers().get("X-Stainless-Retry-Count")).isEqualTo("0");
        assertThat(requests.get(1).headers().get("X-Stainless-Retry-Count")).isEqualTo("1");
        long waitedMs = (requests.get(1).nanos() - requests.get(0).nanos()) / 1_000_000;
        assertThat(waitedMs).isBetween(1000L, 3000L);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(summary.status()).isEqualTo(SummaryStatus.COMPLETED);
        assertThat(summary.usage().requests()).isEqualTo(2);
    }

    @Test
    void givesUpAfterTheRetriesOn500AndSaysWhy() throws Exception {
        for (int i = 0; i < 3; i++) {
            mock.thenFault(OpenAiMock.serverError());
        }

        assertThatExceptionOfType(SummaryFailedException.class).isThrownBy(() -> summarize(properties(), set()))
                .withMessage("sheet A-101: HTTP 500 (server error) after 3 attempts: The server had an error while "
                        + "processing your request. Sorry about that!")
                .satisfies(e -> assertThat(e.usage()).isEqualTo(TokenUsage.NONE));
        List<OpenAiMock.Request> requests = mock.requests();
        assertThat(requests).hasSize(3);
        // backoff without Retry-After: 0.5 s then 1 s, less up to 25 % jitter
        assertThat((requests.get(2).nanos() - requests.get(0).nanos()) / 1_000_000).isGreaterThanOrEqualTo(1125);
    }

    @Test
    void aTimeoutIsRetriedThenReported() throws Exception {
        mock.thenFault(OpenAiMock.noAnswer()).thenFault(OpenAiMock.noAnswer());
        AiProperties p = properties().withRequests(Duration.ofMillis(600), 1);

        assertThatExceptionOfType(SummaryFailedException.class).isThrownBy(() -> summarize(p, set()))
                .withMessage("sheet A-101: no answer within 0.6 s, 2 attempts");
        assertThat(mock.requests()).hasSize(2);
    }

    @Test
    void aMalformedBodyFailsTheSheetWithoutRetrying() throws Exception {
        mock.thenFault(OpenAiMock.malformed());

        assertThatExceptionOfType(SummaryFailedException.class).isThrownBy(() -> summarize(properties(), set()))
                .withMessageStartingWith("sheet A-101: the answer could not be read: ");
        assertThat(mock.requests()).hasSize(1);
    }

    @Test
    void aSheetThatFailsFallsBackAloneAndTheSummaryIsPartial() throws Exception {
        // given two changed sheets, and a server that fails every request about S-301
        mock.failWhenBodyContains("sheet S-301", OpenAiMock.serverError());
        List<PageComparison> pages = List.of(SummaryFixtures.changed(out, "A-101", 0),
                SummaryFixtures.changed(out, "S-301", 1));

        ChangeSummary summary = summarize(properties().withRequests(Duration.ofSeconds(10), 0), pages);

        assertThat(summary.status()).isEqualTo(SummaryStatus.PARTIAL);
        assertThat(summary.sheets()).extracting(SheetSummary::sheet, SheetSummary::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A-101", SummarySource.AI),
                org.assertj.core.groups.Tuple.tuple("S-301", SummarySource.DETERMINISTIC));
        assertThat(summary.sheets().get(1).note()).isEqualTo("AI summary failed: HTTP 500 (server error) after 1 "
                + "attempt: The server had an error while processing your request. Sorry about that!");
        assertThat(summary.note()).startsWith("1 of 2 changed sheets could not be written by the AI");
        assertThat(summary.set().source()).isEqualTo(SummarySource.AI);
        assertThat(SummarySchemaCheck.validate(SummaryJson.document(UUID.randomUUID(), 2,
                java.time.OffsetDateTime.now(), "system", summary))).isEmpty();
    }

    @Test
    void nothingIsSentWhenTheBudgetCannotAffordIt() throws Exception {
        AiProperties p = properties().withBudget(1500, 1.0);

        assertThatExceptionOfType(SummaryFailedException.class).isThrownBy(() -> summarize(p, set()))
                .withMessageStartingWith("sheet A-101: over the comparison's AI budget (0 of 1500 tokens");
        assertThat(mock.requests()).isEmpty();
    }

    private static int countColor(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
