package com.buildtrace.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.buildtrace.BatchJobsApplication;
import com.buildtrace.ai.AiNotConfiguredException;
import com.buildtrace.ai.TokenUsage;
import com.buildtrace.chat.ChatService;
import com.buildtrace.job.ComparisonLauncher;
import com.buildtrace.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Without an API key (a fresh machine): the job writes the deterministic summary, labelled as not written by
 * an AI, into summary.json and the report; chat says AI is not configured; suggested questions still come.
 */
@SpringBootTest(classes = BatchJobsApplication.class, properties = "buildtrace.ai.api-key=")
class NoKeySummaryIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @TempDir
    Path dir;

    @Autowired
    ComparisonLauncher launcher;

    @Autowired
    SummaryService summaries;

    @Autowired
    ChatService chat;

    @Test
    void theJobWritesTheDeterministicSummaryLabelledAsSuchAndChatSaysAiIsNotConfigured() throws Exception {
        UUID id = SummaryJobIntegrationTests.compareTwoSheets(dir, launcher).comparisonId();

        SummaryVersion v = summaries.current(id).orElseThrow();
        assertThat(v.kind()).isEqualTo(SummarySource.DETERMINISTIC);
        assertThat(v.status()).isEqualTo(SummaryStatus.COMPLETED);
        assertThat(v.usage()).isEqualTo(TokenUsage.NONE);
        JsonNode file = JsonMapper.builder().build().readTree(dir.resolve("out/summary.json").toFile());
        assertThat(SummarySchemaCheck.validate(file)).isEmpty();
        assertThat(file.path("kind").asString()).isEqualTo("deterministic");
        assertThat(file.path("label").asString()).isEqualTo("Computed from the detected changes; not written by an AI.");
        assertThat(file.path("model").isNull()).isTrue();
        JsonNode a101 = file.path("sheets").get(0);
        assertThat(a101.path("sheet").asString()).isEqualTo("A-101");
        assertThat(a101.path("changes").get(0).path("oldValue").asString()).isEqualTo("16'-8\"");
        assertThat(a101.path("changes").get(0).path("newValue").asString()).isEqualTo("17'-0\"");
        assertThat(file.path("set").path("overallSummary").asString())
                .startsWith("1 of 2 sheets changed, 0 added, 0 removed. Most changed: A-101 (2 regions, 2 text changes)");
        assertThat(Files.readString(dir.resolve("out/index.html"))).contains("<span class=\"by deterministic\">"
                + "not AI-written</span>").contains("Computed from the detected changes; not written by an AI.");

        assertThatExceptionOfType(AiNotConfiguredException.class)
                .isThrownBy(() -> chat.ask(id, "maria", "What changed?"))
                .withMessage("AI is not configured: set OPENAI_API_KEY (or buildtrace.ai.api-key) to enable AI "
                        + "summaries and chat");
        assertThat(chat.suggestedQuestions(id)).containsExactly("What changed on A-101 (FLOOR PLAN)?",
                "Which dimensions or numbers changed, from what to what?");
        assertThat(chat.history(id, "maria")).isEmpty();

        SummaryVersion again = summaries.regenerate(id);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.kind()).isEqualTo(SummarySource.DETERMINISTIC);
        assertThat(summaries.history(id)).extracting(SummaryVersion::version).containsExactly(2, 1);
    }
}
