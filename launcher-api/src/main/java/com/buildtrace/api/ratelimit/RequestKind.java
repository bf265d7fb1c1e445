package com.buildtrace.api.ratelimit;

import java.util.regex.Pattern;

/** The kinds of request limited separately. */
public enum RequestKind {

    /**
     * {@code POST /api/v1/projects/{p}/sets/{s}/revisions}, and the start of a resumable upload
     * ({@code POST /api/v1/projects/{p}/sets/{s}/uploads}): a resumable upload counts once, whatever its chunks.
     */
    UPLOAD("uploads", "buildtrace.rate-limit.uploads"),
    /** {@code PUT /api/v1/uploads/{id}/files/{n}}: the chunks of resumable uploads. */
    CHUNK("upload chunks", "buildtrace.rate-limit.chunks"),
    /** {@code POST /api/v1/comparisons}, from revisions or from files. */
    COMPARISON("comparisons created", "buildtrace.rate-limit.comparisons"),
    /**
     * {@code GET /api/v1/comparisons/{id}/sheets/{n}/{image}}: the sheet images a viewer loads (a gallery's
     * thumbnails, each sheet's preview, old and new), many per page shown.
     */
    IMAGE("images", "buildtrace.rate-limit.images"),
    /**
     * {@code GET /api/v1/comparisons/{id}/sheets/{n}/{image}/tiles} and its tiles: the deep zoom of a sheet, a
     * screenful of 512-pixel tiles at every zoom step (about 40 on a 4K screen, twice that side by side).
     */
    TILE("tiles", "buildtrace.rate-limit.tiles"),
    /** Any other request to the API. */
    OTHER("requests", "buildtrace.rate-limit.other");

    private static final Pattern UPLOADS = Pattern.compile("/api/v1/projects/[^/]+/sets/[^/]+/(revisions|uploads)/?");

    private static final Pattern CHUNKS = Pattern.compile("/api/v1/uploads/[^/]+/files/[^/]+");

    private static final Pattern IMAGES = Pattern.compile("/api/v1/comparisons/[^/]+/sheets/[^/]+/[a-z]+");

    private static final Pattern TILES = Pattern.compile(
            "/api/v1/comparisons/[^/]+/sheets/[^/]+/[a-z]+/tiles(/[^/]+/[^/]+/[^/]+)?");

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
        if ("PUT".equals(method) && CHUNKS.matcher(path).matches()) {
            return CHUNK;
        }
        if ("POST".equals(method) && (path.equals("/api/v1/comparisons") || path.equals("/api/v1/comparisons/"))) {
            return COMPARISON;
        }
        if ("GET".equals(method) && IMAGES.matcher(path).matches()) {
            return IMAGE;
        }
        if ("GET".equals(method) && TILES.matcher(path).matches()) {
            return TILE;
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
