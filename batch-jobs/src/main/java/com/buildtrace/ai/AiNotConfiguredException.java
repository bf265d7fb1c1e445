package com.buildtrace.ai;

/** AI was asked for but no API key is configured: the API answers 503 and says how to configure it. */
public class AiNotConfiguredException extends RuntimeException {

    public AiNotConfiguredException() {
        super("AI is not configured: set OPENAI_API_KEY (or buildtrace.ai.api-key) to enable AI summaries and chat");
    }
}
