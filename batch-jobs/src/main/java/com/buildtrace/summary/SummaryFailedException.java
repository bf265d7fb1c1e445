package com.buildtrace.summary;

import com.buildtrace.ai.TokenUsage;

/** No summary could be written: the reason in one line, and the tokens that were spent on the attempt. */
public class SummaryFailedException extends RuntimeException {

    private final transient TokenUsage usage;

    public SummaryFailedException(String reason, TokenUsage usage) {
        super(reason);
        this.usage = usage;
    }

    public TokenUsage usage() {
        return usage;
    }
}
