package com.buildtrace.compare.source;

import java.nio.file.Path;

/**
 * A drawing file or one of its pages cannot be used. The message always names the file, and the page when
 * the problem is limited to one page (pages are numbered from 1 in messages, as a person counts them).
 */
public class DrawingInputException extends RuntimeException {

    private final transient Path file;

    private final int pageIndex;

    /**
     * @param file the drawing file
     * @param pageIndex 0-based page index, or -1 when the whole file is affected
     * @param reason what is wrong, in plain words
     * @param cause the underlying failure, or null
     */
    public DrawingInputException(Path file, int pageIndex, String reason, Throwable cause) {
        super(describe(file, pageIndex) + ": " + reason, cause);
        this.file = file;
        this.pageIndex = pageIndex;
    }

    public DrawingInputException(Path file, String reason) {
        this(file, -1, reason, null);
    }

    /** The drawing file at fault. */
    public Path file() {
        return file;
    }

    /** 0-based page index, or -1 when the whole file is at fault. */
    public int pageIndex() {
        return pageIndex;
    }

    static String describe(Path file, int pageIndex) {
        String name = String.valueOf(file.getFileName());
        return pageIndex < 0 ? name : name + " page " + (pageIndex + 1);
    }
}
