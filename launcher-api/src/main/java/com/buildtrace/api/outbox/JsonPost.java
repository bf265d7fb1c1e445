package com.buildtrace.api.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a JSON body to a receiver and tells the {@link Outcome}: any 2xx is delivered; another status fails with
 * the start of the receiver's answer, an unreachable receiver with the reason. Redirects are not followed (a
 * receiver's URL is what its owner registered).
 */
public final class JsonPost {

    private static final int ERROR_BODY_CHARS = 300;

    private final HttpClient http;

    private final Duration timeout;

    private final String userAgent;

    /**
     * @param timeout how long connecting, and then the whole exchange, may take
     * @param userAgent the {@code User-Agent} header
     */
    public JsonPost(Duration timeout, String userAgent) {
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Posts {@code body} to {@code url} with these extra headers. */
    public Outcome send(String url, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", userAgent)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            if (code >= 200 && code <= 299) {
                return Outcome.delivered(code);
            }
            String text = response.body() == null ? "" : response.body().strip();
            return Outcome.failed(code, "HTTP " + code + (text.isEmpty() ? ""
                    : ": " + text.substring(0, Math.min(text.length(), ERROR_BODY_CHARS))));
        } catch (IOException e) {
            return Outcome.failed(null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(null, "interrupted");
        } catch (IllegalArgumentException e) {
            return Outcome.failed(null, "invalid request: " + e.getMessage());
        }
    }
}
