package com.buildtrace.summary;

import com.buildtrace.ai.TokenUsage;

/** No summary could be written: the reason in one line, and the tokens that were spent on the attempt. */
public class SummaryFailedException extends RuntimeException {

    private final transient TokenUsage usage;

    private final String model;

    public SummaryFailedException(String reason, TokenUsage usage, String model) {
        super(reason);
        this.usage = usage;
        this.model = model;
    }

    public TokenUsage usage() {
        return usage;
    }

    public String model() {
        return model;
    }
}
