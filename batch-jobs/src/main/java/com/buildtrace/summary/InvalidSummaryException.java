package com.buildtrace.summary;

/** An edited summary that cannot be taken as it is: the message says what is wrong (the API answers 422). */
public class InvalidSummaryException extends RuntimeException {

    public InvalidSummaryException(String message) {
        super(message);
    }
}
