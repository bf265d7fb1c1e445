package com.buildtrace.storage;

import java.util.Locale;
import java.util.UUID;

/**
 * Where things are kept, the same in every store:
 * <pre>
 * projects/{project}/sets/{set}/revisions/{revision}/files/{nnn}.{pdf|png|jpg|tif}   uploaded files, in upload order
 * comparisons/{comparison}/                                                       what the comparison writes:
 *     result.json, index.html, sheets/sheet-NNN-.../overlay.png, old.png, new.png, preview.png, thumbnail.png,
 *     and the tile pyramids of the full-size images: overlay.tiles, old.tiles, new.tiles
 * uploads/{session}/files/{nnn}/{offset}-{attempt}.part                           chunks of a resumable upload,
 *                                                                                 until it completes or expires
 * </pre>
 * Every segment is an id or a name made here.
 */
public final class StorageLayout {

    private StorageLayout() {
    }

    /** The files of one revision of a drawing set. */
    public static StorageKey revisionFiles(UUID project, UUID set, UUID revision) {
        return StorageKey.of("projects", project, "sets", set, "revisions", revision, "files");
    }

    /** One uploaded file of a revision, by its position in the upload (0-based) and its sniffed type. */
    public static StorageKey revisionFile(UUID project, UUID set, UUID revision, int position, String extension) {
        if (!extension.matches("[a-z]{2,4}")) {
            throw new IllegalArgumentException("not a file extension: " + extension);
        }
        return revisionFiles(project, set, revision)
                .resolve(String.format(Locale.ROOT, "%03d.%s", position + 1, extension));
    }

    /** Everything received so far by a resumable upload session. */
    public static StorageKey upload(UUID session) {
        return StorageKey.of("uploads", session);
    }

    /**
     * One chunk of a file of a resumable upload: by the file's position (0-based), the chunk's first byte, and
     * the attempt that wrote it (two attempts at the same bytes never write the same object).
     */
    public static StorageKey uploadChunk(UUID session, int position, long offset, UUID attempt) {
        return upload(session).resolve("files", String.format(Locale.ROOT, "%03d", position + 1),
                String.format(Locale.ROOT, "%015d-%s.part", offset, attempt));
    }

    /** Everything a comparison writes. */
    public static StorageKey comparison(UUID comparison) {
        return StorageKey.of("comparisons", comparison);
    }
}
