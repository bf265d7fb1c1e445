package com.buildtrace.ai;

import java.util.Locale;
import java.util.Optional;

/**
 * What is left of a comparison's AI budget (tokens and estimated dollars), shared by requests that run at
 * once: each reserves its estimate before it is sent and settles with what the API counted after. A request
 * whose estimate does not fit is not sent.
 */
public final class AiBudget {

    private final long tokenLimit;

    private final double costLimit;

    private final AiProperties prices;

    private long tokens;

    private double cost;

    /**
     * @param spent what the comparison already spent (earlier summaries, chat)
     * @param properties the limits and prices
     */
    public AiBudget(TokenUsage spent, AiProperties properties) {
        this.tokenLimit = properties.maxTokensPerComparison();
        this.costLimit = properties.maxCostPerComparisonUsd();
        this.prices = properties;
        this.tokens = spent.totalTokens();
        this.cost = spent.estimatedCostUsd();
    }

    /** Reserves an estimated request, or says it does not fit. */
    public synchronized Optional<Reservation> reserve(long inputTokens, long outputTokens) {
        double c = prices.cost(inputTokens, outputTokens);
        if (tokens + inputTokens + outputTokens > tokenLimit || cost + c > costLimit + 1e-9) {
            return Optional.empty();
        }
        tokens += inputTokens + outputTokens;
        cost += c;
        return Optional.of(new Reservation(inputTokens + outputTokens, c));
    }

    /** Replaces a reservation by what the request really used (nothing, when it got no answer). */
    public synchronized void settle(Reservation r, TokenUsage used) {
        tokens += used.totalTokens() - r.tokens();
        cost += used.estimatedCostUsd() - r.costUsd();
    }

    /** One line for people: what is spent of what. */
    public synchronized String describe() {
        return String.format(Locale.ROOT, "%d of %d tokens, $%.4f of $%.2f", tokens, tokenLimit, cost, costLimit);
    }

    /**
     * A request's reserved share.
     *
     * @param tokens estimated tokens in and out
     * @param costUsd their estimated cost
     */
    public record Reservation(long tokens, double costUsd) {
    }
}
