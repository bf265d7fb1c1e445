package com.buildtrace.ai;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the AI summaries and chat ({@code buildtrace.ai.*}; the key also from {@code OPENAI_API_KEY}).
 * Without a key the product gives the deterministic summary and chat answers that AI is not configured.
 *
 * @param apiKey the OpenAI (or compatible) API key; blank: AI off
 * @param baseUrl the API's base URL, up to and including {@code /v1}
 * @param model the model for summaries and chat; it must accept images and strict JSON schemas
 * @param connectTimeout time to open a connection
 * @param requestTimeout time one request may take, response included (each retry gets it anew)
 * @param maxRetries retries of a request on 408, 409, 429, 5xx and I/O errors (timeouts), done by the client:
 *     it waits what {@code Retry-After} (or {@code Retry-After-Ms}) says, else 0.5 s doubling with jitter, at
 *     most 8 s
 * @param maxConcurrency sheets summarized at once
 * @param maxTokensPerComparison tokens (in and out) all AI use of one comparison may spend, summaries and
 *     chat together
 * @param maxCostPerComparisonUsd estimated dollars all AI use of one comparison may spend
 * @param inputPricePerMillion dollars per million input tokens, for the cost estimate
 * @param outputPricePerMillion dollars per million output tokens
 * @param maxOutputTokens most tokens one answer may have
 * @param imagesPerSheet crops of the overlay sent per sheet (around its largest regions)
 * @param imageMaxSide longest side of a crop sent, in pixels
 * @param regionsPerSheet change regions listed per sheet (largest first); the rest are counted
 * @param chatContextTokens tokens of comparison context given to the model per chat turn
 * @param chatHistoryMessages earlier messages of the user's chat given to the model per turn
 */
@ConfigurationProperties("buildtrace.ai")
public record AiProperties(String apiKey, String baseUrl, String model, Duration connectTimeout,
                           Duration requestTimeout, Integer maxRetries, Integer maxConcurrency,
                           Long maxTokensPerComparison, Double maxCostPerComparisonUsd, Double inputPricePerMillion,
                           Double outputPricePerMillion, Integer maxOutputTokens, Integer imagesPerSheet,
                           Integer imageMaxSide, Integer regionsPerSheet, Integer chatContextTokens,
                           Integer chatHistoryMessages) {

    public AiProperties {
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.openai.com/v1" : baseUrl.strip();
        model = model == null || model.isBlank() ? "gpt-4.1-mini" : model.strip();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(90) : requestTimeout;
        maxRetries = maxRetries == null ? 2 : maxRetries;
        maxConcurrency = maxConcurrency == null ? 4 : maxConcurrency;
        maxTokensPerComparison = maxTokensPerComparison == null ? 1_000_000L : maxTokensPerComparison;
        maxCostPerComparisonUsd = maxCostPerComparisonUsd == null ? 2.0 : maxCostPerComparisonUsd;
        // gpt-4.1-mini's list prices
        inputPricePerMillion = inputPricePerMillion == null ? 0.40 : inputPricePerMillion;
        outputPricePerMillion = outputPricePerMillion == null ? 1.60 : outputPricePerMillion;
        maxOutputTokens = maxOutputTokens == null ? 2000 : maxOutputTokens;
        imagesPerSheet = imagesPerSheet == null ? 4 : imagesPerSheet;
        imageMaxSide = imageMaxSide == null ? 1024 : imageMaxSide;
        regionsPerSheet = regionsPerSheet == null ? 60 : regionsPerSheet;
        chatContextTokens = chatContextTokens == null ? 12_000 : chatContextTokens;
        chatHistoryMessages = chatHistoryMessages == null ? 10 : chatHistoryMessages;
        positive("connect-timeout", connectTimeout.toMillis());
        positive("request-timeout", requestTimeout.toMillis());
        positive("max-concurrency", maxConcurrency);
        positive("max-output-tokens", maxOutputTokens);
        positive("regions-per-sheet", regionsPerSheet);
        positive("chat-context-tokens", chatContextTokens);
        if (maxRetries < 0 || imagesPerSheet < 0 || chatHistoryMessages < 0 || maxTokensPerComparison < 0
                || maxCostPerComparisonUsd < 0 || inputPricePerMillion < 0 || outputPricePerMillion < 0) {
            throw new IllegalArgumentException("buildtrace.ai: retries, images, history, budgets and prices cannot "
                    + "be negative");
        }
        if (imageMaxSide < 64 || imageMaxSide > 2048) {
            throw new IllegalArgumentException("buildtrace.ai.image-max-side must be 64-2048 px: " + imageMaxSide);
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("buildtrace.ai." + name + " must be positive: " + value);
        }
    }

    /** Every setting at its default, no key: AI off. */
    public static AiProperties defaults() {
        return new AiProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** True when a key is set: the AI summarizer and chat run. */
    public boolean configured() {
        return apiKey != null;
    }

    /** Estimated dollars for these tokens (to 1e-10 $, as stored). */
    public double cost(long inputTokens, long outputTokens) {
        return TokenUsage.round(inputTokens * inputPricePerMillion / 1e6 + outputTokens * outputPricePerMillion / 1e6);
    }

    /** The same settings with this key and base URL. */
    public AiProperties withEndpoint(String key, String url) {
        return new AiProperties(key, url, model, connectTimeout, requestTimeout, maxRetries, maxConcurrency,
                maxTokensPerComparison, maxCostPerComparisonUsd, inputPricePerMillion, outputPricePerMillion,
                maxOutputTokens, imagesPerSheet, imageMaxSide, regionsPerSheet, chatContextTokens, chatHistoryMessages);
    }

    /** The same settings with other timeouts and retries. */
    public AiProperties withRequests(Duration request, int retries) {
        return new AiProperties(apiKey, baseUrl, model, connectTimeout, request, retries, maxConcurrency,
                maxTokensPerComparison, maxCostPerComparisonUsd, inputPricePerMillion, outputPricePerMillion,
                maxOutputTokens, imagesPerSheet, imageMaxSide, regionsPerSheet, chatContextTokens, chatHistoryMessages);
    }

    /** The same settings with another per-comparison budget. */
    public AiProperties withBudget(long tokens, double costUsd) {
        return new AiProperties(apiKey, baseUrl, model, connectTimeout, requestTimeout, maxRetries, maxConcurrency,
                tokens, costUsd, inputPricePerMillion, outputPricePerMillion, maxOutputTokens, imagesPerSheet,
                imageMaxSide, regionsPerSheet, chatContextTokens, chatHistoryMessages);
    }

    /** The key never appears in logs or error messages. */
    @Override
    public String toString() {
        return "AiProperties[apiKey=" + (apiKey == null ? "none" : "set") + ", baseUrl=" + baseUrl + ", model=" + model
                + ", maxConcurrency=" + maxConcurrency + ", maxTokensPerComparison=" + maxTokensPerComparison
                + ", maxCostPerComparisonUsd=" + maxCostPerComparisonUsd + "]";
    }
}
