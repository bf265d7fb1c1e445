package com.buildtrace.api.summary;

import com.buildtrace.api.comparison.ComparisonService;
import com.buildtrace.api.system.ApiException;
import com.buildtrace.api.system.Caller;
import com.buildtrace.chat.ChatMessage;
import com.buildtrace.chat.ChatService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /api/v1/comparisons/{id}/chat}: questions about a comparison, answered from its detected changes and
 * summary (citing sheets and region ids), the caller's history, suggested questions. Without an AI key the
 * questions get a 503 problem detail saying so; suggested questions still come.
 */
@RestController
@Tag(name = "Chat")
class ChatController implements DisposableBean {

    private final ComparisonService comparisons;

    private final ChatService chat;

    private final com.buildtrace.ai.AiClient ai;

    private final ExecutorService streams = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "buildtrace-chat");
        t.setDaemon(true);
        return t;
    });

    ChatController(ComparisonService comparisons, ChatService chat, com.buildtrace.ai.AiClient ai) {
        this.comparisons = comparisons;
        this.chat = chat;
        this.ai = ai;
    }

    /** @param question what the caller asks about the comparison */
    record Question(@NotBlank @Size(max = 4000) String question) {
    }

    @PostMapping(path = "/api/v1/comparisons/{id}/chat", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask about a comparison: the answer, with the sheets and regions it cites")
    ChatMessage ask(Caller caller, @PathVariable UUID id, @Valid @RequestBody Question body) {
        comparisons.requireVisible(caller, id);
        return chat.ask(id, caller.userId(), body.question().strip());
    }

    @PostMapping(path = "/api/v1/comparisons/{id}/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Ask about a comparison, the answer streamed as server-sent events: 'token' events, "
            + "then one 'message' event with the stored answer")
    SseEmitter askStreaming(Caller caller, @PathVariable UUID id, @Valid @RequestBody Question body) {
        comparisons.requireVisible(caller, id);
        if (!ai.configured()) {
            throw new com.buildtrace.ai.AiNotConfiguredException();
        }
        SseEmitter emitter = new SseEmitter(180_000L);
        streams.submit(() -> {
            try {
                ChatMessage answer = chat.askStreaming(id, caller.userId(), body.question().strip(), token -> {
                    try {
                        emitter.send(SseEmitter.event().name("token").data(token, MediaType.TEXT_PLAIN));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                emitter.send(SseEmitter.event().name("message").data(answer, MediaType.APPLICATION_JSON));
                emitter.complete();
            } catch (RuntimeException | IOException e) {
                try {
                    emitter.send(SseEmitter.event().name("error").data(Map.of("detail", String.valueOf(e.getMessage())),
                            MediaType.APPLICATION_JSON));
                } catch (IOException ignored) {
                    // the client went away
                }
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    @GetMapping("/api/v1/comparisons/{id}/chat")
    @Operation(summary = "The caller's conversation about a comparison, oldest first")
    List<ChatMessage> history(Caller caller, @PathVariable UUID id) {
        comparisons.requireVisible(caller, id);
        return chat.history(id, caller.userId());
    }

    @GetMapping("/api/v1/comparisons/{id}/chat/suggestions")
    @Operation(summary = "Questions worth asking about this comparison (from its changes; also without an AI key)")
    Map<String, List<String>> suggestions(Caller caller, @PathVariable UUID id) {
        if (!comparisons.get(caller, id).status().equals("completed")) {
            throw ApiException.conflict("comparison " + id + " has not completed yet");
        }
        return Map.of("questions", chat.suggestedQuestions(id));
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
    }
}
