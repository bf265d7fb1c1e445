package com.buildtrace.api.outbox;

/**
 * What one attempt at a delivery came to.
 *
 * @param statusCode the receiver's HTTP status, or null where there is none (not reached, or not HTTP)
 * @param error why it failed, or null when it was delivered
 */
public record Outcome(Integer statusCode, String error) {

    /** Delivered, with the receiver's status if it has one. */
    public static Outcome delivered(Integer statusCode) {
        return new Outcome(statusCode, null);
    }

    /** Not delivered, and why. */
    public static Outcome failed(Integer statusCode, String error) {
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("a failed attempt says why");
        }
        return new Outcome(statusCode, error);
    }

    /** True when the message was delivered. */
    public boolean ok() {
        return error == null;
    }
}
