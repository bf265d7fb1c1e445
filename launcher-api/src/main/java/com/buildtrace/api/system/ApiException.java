package com.buildtrace.api.system;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the caller can act on, answered as a problem detail with this status and message as
 * {@code detail}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    private final String title;

    private final Map<String, Object> properties;

    protected ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    private ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Members the problem detail carries besides its {@code detail}, for clients to act on (e.g. {@code revisionId}). */
    public Map<String, Object> properties() {
        return properties;
    }

    /** No such object, or one the caller may not see (the two are not told apart, so ids cannot be probed). */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", "no " + what + " " + id);
    }

    /** The request contradicts what exists (a duplicate upload, a comparison already running, ...). */
    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** A conflict with an existing object, named in the problem detail's members (e.g. {@code revisionId}). */
    public static ApiException conflict(String detail, Map<String, Object> properties) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, properties);
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
