package com.buildtrace.ai;

/**
 * Tokens spent on model requests and their estimated cost.
 *
 * @param requests requests the model answered
 * @param inputTokens prompt tokens, images included, as the API counted them
 * @param outputTokens completion tokens
 * @param estimatedCostUsd from the token counts and the configured prices
 */
public record TokenUsage(int requests, long inputTokens, long outputTokens, double estimatedCostUsd) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

    public TokenUsage {
        if (requests < 0 || inputTokens < 0 || outputTokens < 0 || estimatedCostUsd < 0) {
            throw new IllegalArgumentException("usage cannot be negative");
        }
    }

    /** One answered request, priced. */
    public static TokenUsage of(long inputTokens, long outputTokens, AiProperties prices) {
        return new TokenUsage(1, inputTokens, outputTokens, prices.cost(inputTokens, outputTokens));
    }

    public TokenUsage plus(TokenUsage o) {
        return new TokenUsage(requests + o.requests, inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                round(estimatedCostUsd + o.estimatedCostUsd));
    }

    /** Dollars to 1e-10, as the database keeps them (and without the noise of adding doubles). */
    static double round(double usd) {
        return Math.round(usd * 1e10) / 1e10;
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
