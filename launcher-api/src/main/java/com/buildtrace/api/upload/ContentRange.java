package com.buildtrace.api.upload;

import com.buildtrace.api.system.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which bytes of a file a chunk carries: the {@code Content-Range} header of a chunk, {@code bytes first-last/size}
 * (RFC 9110; both ends inclusive).
 *
 * @param first its first byte's offset in the file
 * @param last its last byte's offset
 * @param size the size of the whole file
 */
record ContentRange(long first, long last, long size) {

    private static final Pattern HEADER = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");

    ContentRange {
        if (first < 0 || last < first || size <= last) {
            throw new IllegalArgumentException("not a range of a file: bytes " + first + "-" + last + "/" + size);
        }
    }

    /**
     * The range of a header.
     *
     * @throws ApiException 400 when it is missing or not of the form {@code bytes first-last/size}
     */
    static ContentRange parse(String header) {
        if (header == null || header.isBlank()) {
            throw ApiException.invalid("a chunk needs a Content-Range header, 'bytes FIRST-LAST/SIZE' (e.g. "
                    + "'bytes 0-8388607/20971520' for the first 8 MB of a 20 MB file)");
        }
        Matcher m = HEADER.matcher(header.strip());
        if (!m.matches()) {
            throw ApiException.invalid("Content-Range '" + header + "' is not 'bytes FIRST-LAST/SIZE' (e.g. "
                    + "'bytes 0-8388607/20971520')");
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long size = Long.parseLong(m.group(3));
        if (last < first || last >= size) {
            throw ApiException.invalid("Content-Range '" + header + "' is not a range of a file of " + size
                    + " bytes: FIRST <= LAST < SIZE");
        }
        return new ContentRange(first, last, size);
    }

    /** How many bytes the chunk carries. */
    long length() {
        return last - first + 1;
    }
}
