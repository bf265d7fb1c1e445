package com.buildtrace.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Headers;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local OpenAI-compatible server for tests (OkHttp MockWebServer) that answers chat completions with
 * recorded responses ({@code src/test/resources/openai}): the sheet or set summary by the JSON schema asked
 * for, a chat answer, or a streamed one. Faults queued first are served first, in order; a fault can also be
 * served to every request whose body matches. Every request is kept for assertions.
 */
public final class OpenAiMock implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockWebServer server = new MockWebServer();

    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private final Deque<MockResponse> faults = new ArrayDeque<>();

    private final List<Rule> rules = Collections.synchronizedList(new ArrayList<>());

    /**
     * A request as received.
     *
     * @param path the path
     * @param headers its headers
     * @param body its JSON body
     * @param nanos when it arrived (System.nanoTime)
     */
    public record Request(String path, Headers headers, JsonNode body, long nanos) {

        /** The name of the JSON schema asked for, or "" when none. */
        public String schemaName() {
            return body.path("response_format").path("json_schema").path("name").asString("");
        }
    }

    private record Rule(Predicate<String> when, MockResponse response) {
    }

    private static OpenAiMock shared;

    /**
     * One server for the JVM, for Spring tests: their application contexts point at it and are cached across
     * test classes. {@link #reset} it before each test.
     */
    public static synchronized OpenAiMock shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Forgets the requests, faults and rules. */
    public synchronized void reset() {
        requests.clear();
        faults.clear();
        rules.clear();
    }

    public static OpenAiMock start() {
        OpenAiMock mock = new OpenAiMock();
        mock.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return mock.answer(request);
            }
        });
        try {
            mock.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mock;
    }

    /** The base URL to give the client: up to and including /v1. */
    public String baseUrl() {
        return server.url("/v1").toString();
    }

    /** Served to the next request, before any recorded answer (faults queue in order). */
    public synchronized OpenAiMock thenFault(MockResponse fault) {
        faults.add(fault);
        return this;
    }

    /** Served to every request whose body contains this text. */
    public OpenAiMock failWhenBodyContains(String text, MockResponse fault) {
        rules.add(new Rule(body -> body.contains(text), fault));
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private MockResponse answer(RecordedRequest r) {
        String body = r.getBody().readUtf8();
        JsonNode json = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        Request request = new Request(r.getPath(), r.getHeaders(), json, System.nanoTime());
        requests.add(request);
        synchronized (this) {
            if (!faults.isEmpty()) {
                return faults.poll();
            }
        }
        synchronized (rules) {
            for (Rule rule : rules) {
                if (rule.when().test(body)) {
                    return rule.response();
                }
            }
        }
        if (json.path("stream").asBoolean(false)) {
            return new MockResponse().setHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .setBody(resource("chat-stream.txt"));
        }
        return switch (request.schemaName()) {
            case "sheetSummaryOutput" -> recorded("sheet-summary.json");
            case "setSummaryOutput" -> recorded("set-summary.json");
            default -> recorded("chat-answer.json");
        };
    }

    /** A recorded 200 answer, with the headers the API sends. */
    public static MockResponse recorded(String name) {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setHeader("x-request-id", "req_" + Integer.toHexString(name.hashCode()))
                .setHeader("openai-processing-ms", "2312").setBody(resource(name));
    }

    /** 429 with Retry-After, as the API sends when a rate limit is hit. */
    public static MockResponse rateLimited(int retryAfterSeconds) {
        return new MockResponse().setResponseCode(429).setHeader("Content-Type", "application/json")
                .setHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .setHeader("x-ratelimit-limit-tokens", "200000").setHeader("x-ratelimit-remaining-tokens", "800")
                .setBody(resource("rate-limit.json"));
    }

    /** 500 with the API's error body. */
    public static MockResponse serverError() {
        return new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/json")
                .setBody(resource("server-error.json"));
    }

    /** A connection that never answers: the client's timeout ends it. */
    public static MockResponse noAnswer() {
        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
    }

    /** 200 with a body cut off in the middle of its JSON. */
    public static MockResponse malformed() {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(resource("malformed.json"));
    }

    public static String resource(String name) {
        try (InputStream in = OpenAiMock.class.getResourceAsStream("/openai/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
