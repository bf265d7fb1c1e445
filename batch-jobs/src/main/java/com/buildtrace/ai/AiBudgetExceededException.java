package com.buildtrace.ai;

/** The comparison's AI budget (tokens or estimated cost) does not allow another request. */
public class AiBudgetExceededException extends RuntimeException {

    public AiBudgetExceededException(String message) {
        super(message);
    }
}
