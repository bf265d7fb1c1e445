package com.buildtrace.api.drawingset;

import com.buildtrace.api.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The bytes of a file are not what was announced for it: another size, or another SHA-256 (422). Tells which
 * file, so that an upload session can take that file again from its first byte.
 */
public class FileMismatchException extends ApiException {

    private final int position;

    FileMismatchException(int position, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "File does not match", detail);
        this.position = position;
    }

    /** The file's position in the upload, from 0. */
    public int position() {
        return position;
    }
}
