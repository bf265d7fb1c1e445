package com.buildtrace.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.buildtrace.ai.AiRequestException;
import com.buildtrace.ai.TokenUsage;
import com.buildtrace.job.ComparisonLauncher;
import com.buildtrace.summary.SummaryJobIntegrationTests;
import com.buildtrace.testing.AiIntegrationTest;
import com.buildtrace.testing.OpenAiMock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Chat about a comparison with the real openai-java client against recorded responses: grounded in the
 * comparison's changes and summary, citations kept, history per user, streaming, and a failed request.
 */
class ChatServiceIntegrationTests extends AiIntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    ComparisonLauncher launcher;

    @Autowired
    ChatService chat;

    @Test
    void answersFromTheComparisonCitingSheetsAndRegionsAndKeepsEachUsersHistory() throws Exception {
        UUID id = SummaryJobIntegrationTests.compareTwoSheets(dir, launcher).comparisonId();
        MOCK.reset();

        ChatMessage answer = chat.ask(id, "maria", "What changed on A-101?");

        // the model got the instructions, the comparison's changes and summary, and the question
        JsonNode body = MOCK.requests().get(0).body();
        assertThat(body.path("model").asString()).isEqualTo("gpt-4.1-mini");
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).path("content").asString()).isEqualTo(ChatService.INSTRUCTIONS);
        String context = messages.get(1).path("content").asString();
        assertThat(context).startsWith("Comparison data:\n2 sheets: 1 changed, 1 unchanged, 0 added, 0 removed, "
                        + "0 failed.\nSummary (Written by AI (gpt-4.1-mini)")
                .contains("\n## A-101 FLOOR PLAN (changed)\nSummary: The storage room grows:")
                .contains("Text changes: r1 replaced \"16'-8\"\" -> \"17'-0\"\"").contains("Unchanged sheets: S-201");
        assertThat(messages.get(2).path("role").asString()).isEqualTo("user");
        assertThat(messages.get(2).path("content").asString()).isEqualTo("What changed on A-101?");

        // the answer as recorded, its real citations kept and the made-up one dropped, its usage priced
        assertThat(answer.role()).isEqualTo(ChatMessage.Role.ASSISTANT);
        assertThat(answer.content()).startsWith("The storage room on A-101 is 4 in longer");
        assertThat(answer.citedSheets()).containsExactly("A-101", "S-201");
        assertThat(answer.citedRegions()).containsExactly(new RegionRef("A-101", "r1"), new RegionRef("A-101", "r2"));
        assertThat(answer.usage()).isEqualTo(new TokenUsage(1, 2210, 96, 0.001037600));
        assertThat(answer.model()).isEqualTo("gpt-4.1-mini");

        // history per user; the next turn gives the model the earlier one
        assertThat(chat.history(id, "maria")).extracting(ChatMessage::role)
                .containsExactly(ChatMessage.Role.USER, ChatMessage.Role.ASSISTANT);
        assertThat(chat.history(id, "maria").get(1).citedRegions()).isEqualTo(answer.citedRegions());
        assertThat(chat.history(id, "jon")).isEmpty();
        chat.ask(id, "maria", "And on S-201?");
        JsonNode second = MOCK.requests().get(1).body().path("messages");
        assertThat(second).extracting(m -> m.path("role").asString())
                .containsExactly("system", "system", "user", "assistant", "user");
        assertThat(second.get(3).path("content").asString()).isEqualTo(answer.content());
        assertThat(chat.history(id, "maria")).hasSize(4);
    }

    @Test
    void streamsTheAnswerAsItComesThenStoresIt() throws Exception {
        UUID id = SummaryJobIntegrationTests.compareTwoSheets(dir, launcher).comparisonId();
        MOCK.reset();
        List<String> tokens = new ArrayList<>();

        ChatMessage answer = chat.askStreaming(id, "maria", "What changed on A-101?", tokens::add);

        JsonNode body = MOCK.requests().get(0).body();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(tokens).containsExactly("The storage room on A-101 is 4 in longer: ",
                "the dimension below STORAGE 202 changed from 16'-8\" to 17'-0\" ", "[A-101 r1]. ",
                "General note 2 was removed [A-101 r2].");
        assertThat(answer.content()).isEqualTo(String.join("", tokens));
        assertThat(answer.citedRegions()).containsExactly(new RegionRef("A-101", "r1"), new RegionRef("A-101", "r2"));
        assertThat(answer.usage()).isEqualTo(new TokenUsage(1, 2240, 61, 0.0009936));
        assertThat(chat.history(id, "maria")).extracting(ChatMessage::content)
                .containsExactly("What changed on A-101?", answer.content());
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesIsReportedAndNothingIsStored() throws Exception {
        UUID id = SummaryJobIntegrationTests.compareTwoSheets(dir, launcher).comparisonId();
        MOCK.reset();
        MOCK.thenFault(OpenAiMock.rateLimited(0)).thenFault(OpenAiMock.rateLimited(0));

        assertThatExceptionOfType(AiRequestException.class)
                .isThrownBy(() -> chat.ask(id, "maria", "What changed on A-101?"))
                .withMessageStartingWith("HTTP 429 (rate limited) after 2 attempts: Rate limit reached for "
                        + "gpt-4.1-mini");
        assertThat(MOCK.requests()).hasSize(2);
        assertThat(chat.history(id, "maria")).isEmpty();
    }
}
