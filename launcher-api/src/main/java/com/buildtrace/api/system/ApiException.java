package com.buildtrace.api.system;

import org.springframework.http.HttpStatus;

/**
 * An error the caller can act on, answered as a problem detail with this status and message as
 * {@code detail}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    private final String title;

    protected ApiException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** No such object, or one the caller may not see (the two are not told apart, so ids cannot be probed). */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", "no " + what + " " + id);
    }

    /** The request contradicts what exists (a duplicate upload, a comparison already running, ...). */
    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** The request is malformed or a value is out of range. */
    public static ApiException invalid(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    /** An uploaded file is not of a type the product reads. */
    public static ApiException unsupportedFile(String detail) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", detail);
    }

    /** A file is of the right type but cannot be read (damaged, password-protected). */
    public static ApiException unreadable(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable file", detail);
    }

    /** An upload is larger than allowed. */
    public static ApiException tooLarge(String detail) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", detail);
    }

    /** The request carries no identity. */
    public static ApiException unauthenticated(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Sign-in required", detail);
    }

    /** The caller may see the object but not do this to it. */
    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Not allowed", detail);
    }
}
