package com.buildtrace.ai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import java.io.InterruptedIOException;
import java.util.Locale;

/**
 * Builds the official OpenAI client from the settings, and says in one line why a request failed.
 *
 * <p>Retries are the client's own ({@code RetryingHttpClient}): a request that got 408, 409, 429 or 5xx, or
 * failed on I/O (a timeout included), is sent again up to {@code maxRetries} times; it waits what
 * {@code Retry-After-Ms} or {@code Retry-After} (seconds or an HTTP date) says, else 0.5 s, 1 s, 2 s ... with
 * up to 25 % jitter, never more than 8 s. Other statuses (400, 401, 403, 404, 422) fail at once.
 */
public final class OpenAiClients {

    private OpenAiClients() {
    }

    /** A client for these settings (which must have a key). */
    public static OpenAIClient create(AiProperties p) {
        if (!p.configured()) {
            throw new AiNotConfiguredException();
        }
        return OpenAIOkHttpClient.builder()
                .apiKey(p.apiKey())
                .baseUrl(p.baseUrl())
                .maxRetries(p.maxRetries())
                .timeout(Timeout.builder().connect(p.connectTimeout()).read(p.requestTimeout())
                        .write(p.requestTimeout()).request(p.requestTimeout()).build())
                .build();
    }

    /** Why a request failed, for people and the summary history: status, attempts, the API's message. */
    public static String reason(Throwable failure, AiProperties p) {
        Throwable t = failure instanceof AiRequestException && failure.getCause() != null ? failure.getCause() : failure;
        String attempts = (p.maxRetries() + 1) + (p.maxRetries() == 0 ? " attempt" : " attempts");
        if (t instanceof OpenAIServiceException e) {
            int status = e.statusCode();
            boolean retried = status == 408 || status == 409 || status == 429 || status >= 500;
            String message = e.getMessage().replaceFirst("^\\d{3}: ", "");
            return String.format(Locale.ROOT, "HTTP %d%s%s: %s", status, label(status),
                    retried ? " after " + attempts : "", oneLine(message));
        }
        if (t instanceof OpenAIIoException || t instanceof java.io.IOException) {
            boolean timeout = causedBy(t, InterruptedIOException.class);
            return timeout ? String.format(Locale.ROOT, "no answer within %.1f s, %s",
                    p.requestTimeout().toMillis() / 1000.0, attempts)
                    : "connection to " + p.baseUrl() + " failed after " + attempts + ": " + oneLine(
                            rootMessage(t));
        }
        if (t instanceof OpenAIInvalidDataException) {
            return "the answer could not be read: " + oneLine(rootMessage(t));
        }
        return oneLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private static String label(int status) {
        return switch (status) {
            case 401 -> " (the API key was refused)";
            case 403 -> " (not permitted)";
            case 404 -> " (unknown model or URL)";
            case 429 -> " (rate limited)";
            default -> status >= 500 ? " (server error)" : "";
        };
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
