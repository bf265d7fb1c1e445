package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.testing.OpenAiMock;
import com.buildtrace.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The AI endpoints with a key, the real openai-java client talking to a local OpenAI-compatible server that
 * serves recorded responses: the job's summary is AI-written, chat answers as JSON and as server-sent events,
 * and the conversation is kept per user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = LauncherApiApplication.class,
        properties = {"buildtrace.api.dpi=100", "buildtrace.schedule.check-every=1h",
            "buildtrace.auth.dev-login=true"})
class AiEndpointsIntegrationTests {

    static final OpenAiMock MOCK = OpenAiMock.shared();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("buildtrace.storage.root", () -> ApiIntegrationTest.STORE.resolve("ai").toString());
        registry.add("buildtrace.ai.api-key", () -> "sk-test-0123456789");
        registry.add("buildtrace.ai.base-url", MOCK::baseUrl);
        registry.add("buildtrace.ai.max-retries", () -> "1");
    }

    @LocalServerPort
    int port;

    @Test
    void summarizesWithTheModelAndAnswersQuestionsAsJsonAndAsEvents() throws Exception {
        MOCK.reset();
        ApiClient api = new ApiClient(port).signedIn();
        UUID project = api.post("/api/v1/projects", "{\"name\": \"With AI\"}").id();
        UUID set = api.post("/api/v1/projects/" + project + "/sets", "{\"name\": \"Architectural\"}").id();
        UUID a = api.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of("label", "A"),
                List.of(new ApiClient.Part("files", ApiIntegrationTest.sheetSet("ai-a.pdf", 2)))).id();
        UUID b = api.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of("label", "B"),
                List.of(new ApiClient.Part("files", ApiIntegrationTest.sheetSet("ai-b.pdf", 2, 0)))).id();
        UUID id = api.post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \"" + b
                + "\"}").id();
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() ->
                List.of("completed", "failed").contains(api.get("/api/v1/comparisons/" + id).json().get("status").asString()));

        // the summary the job wrote came from the model
        JsonNode summary = api.get("/api/v1/comparisons/" + id + "/summary").json();
        assertThat(summary.get("kind").asString()).isEqualToIgnoringCase("ai");
        assertThat(summary.get("model").asString()).isEqualTo("gpt-4.1-mini");
        assertThat(MOCK.requests()).isNotEmpty();

        // a question, answered from the comparison
        MOCK.reset();
        ApiClient.Response answer = api.post("/api/v1/comparisons/" + id + "/chat",
                "{\"question\": \"What changed on A-101?\"}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("content").asString()).startsWith("The storage room on A-101");
        assertThat(answer.json().get("citedSheets").toString()).contains("A-101");
        JsonNode sent = MOCK.requests().get(0).body().path("messages");
        assertThat(sent.get(1).path("content").asString()).contains("A-101").contains("changed");
        assertThat(sent.get(2).path("content").asString()).isEqualTo("What changed on A-101?");

        // the same question streamed: tokens as they come, then the stored message
        ApiClient.Response events = api.with("Accept", "text/event-stream").post("/api/v1/comparisons/" + id + "/chat",
                "{\"question\": \"And on A-102?\"}");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.header("Content-Type")).startsWith("text/event-stream");
        assertThat(events.text()).contains("event:token").contains("event:message");

        // the conversation is the caller's: two questions, two answers
        assertThat(api.get("/api/v1/comparisons/" + id + "/chat").json().size()).isEqualTo(4);
    }
}
