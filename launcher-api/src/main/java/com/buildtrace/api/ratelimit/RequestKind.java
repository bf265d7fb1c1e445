package com.buildtrace.api.ratelimit;

import java.util.regex.Pattern;

/** The kinds of request limited separately. */
public enum RequestKind {

    /** {@code POST /api/v1/projects/{p}/sets/{s}/revisions}. */
    UPLOAD("uploads", "buildtrace.rate-limit.uploads"),
    /** {@code POST /api/v1/comparisons}, from revisions or from files. */
    COMPARISON("comparisons created", "buildtrace.rate-limit.comparisons"),
    /** Any other request to the API. */
    OTHER("requests", "buildtrace.rate-limit.other");

    private static final Pattern UPLOADS = Pattern.compile("/api/v1/projects/[^/]+/sets/[^/]+/revisions/?");

    private final String noun;

    private final String setting;

    RequestKind(String noun, String setting) {
        this.noun = noun;
        this.setting = setting;
    }

    /** The kind of a request of this method to this path (without the context path). */
    public static RequestKind of(String method, String path) {
        if ("POST".equals(method) && UPLOADS.matcher(path).matches()) {
            return UPLOAD;
        }
        if ("POST".equals(method) && (path.equals("/api/v1/comparisons") || path.equals("/api/v1/comparisons/"))) {
            return COMPARISON;
        }
        return OTHER;
    }

    /** What is counted, for messages: "uploads". */
    String noun() {
        return noun;
    }

    /** The setting of its limit. */
    String setting() {
        return setting;
    }
}
