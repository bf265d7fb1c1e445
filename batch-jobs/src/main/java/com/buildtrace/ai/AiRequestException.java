package com.buildtrace.ai;

/**
 * A model request failed for good (after the client's retries): the message says why in one line (status,
 * attempts, the API's own message), never with the key.
 */
public class AiRequestException extends RuntimeException {

    public AiRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
