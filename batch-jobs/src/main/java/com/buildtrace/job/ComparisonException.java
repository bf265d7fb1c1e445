package com.buildtrace.job;

/** A comparison cannot be started, resumed or retried as asked; the message says why, for people. */
public class ComparisonException extends RuntimeException {

    public ComparisonException(String message) {
        super(message);
    }
}
