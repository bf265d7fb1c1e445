package com.buildtrace.api.upload;

import com.buildtrace.api.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A chunk that does not continue its file where the server has it: it starts before or after the bytes received
 * (409), or it reaches past the announced end of the file (416). Answered with the offset the next chunk must
 * start at, as the problem detail's {@code offset} and the {@code Upload-Offset} header.
 */
class OffsetMismatchException extends ApiException {

    private final long offset;

    private OffsetMismatchException(HttpStatus status, String title, String detail, long offset) {
        super(status, title, detail);
        this.offset = offset;
    }

    /** The chunk does not start at the file's offset. */
    static OffsetMismatchException conflict(String detail, long offset) {
        return new OffsetMismatchException(HttpStatus.CONFLICT, "Wrong offset", detail, offset);
    }

    /** The chunk lies (partly) outside the file. */
    static OffsetMismatchException outside(String detail, long offset) {
        return new OffsetMismatchException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range outside the file",
                detail, offset);
    }

    /** Where the file's next chunk must start. */
    long offset() {
        return offset;
    }
}
