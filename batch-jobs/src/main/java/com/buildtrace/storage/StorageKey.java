package com.buildtrace.storage;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of an object in a {@link DrawingStore}: slash-separated segments of letters, digits, dot, dash and
 * underscore, none of them "." or "..". Whatever the store, a key cannot point outside it.
 *
 * @param path the key, e.g. {@code projects/6f1c.../sets/.../revisions/.../files/001.pdf}
 */
public record StorageKey(String path) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

    public StorageKey {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.length() > 1024) {
            throw new IllegalArgumentException("storage key must have 1 to 1024 characters: " + path);
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                throw new IllegalArgumentException("not a valid storage key segment '" + segment + "' in " + path);
            }
        }
    }

    /** A key from its segments. */
    public static StorageKey of(Object... segments) {
        return new StorageKey(String.join("/", Arrays.stream(segments).map(String::valueOf).toList()));
    }

    /** This key with more segments. */
    public StorageKey resolve(Object... segments) {
        return new StorageKey(path + "/" + of(segments).path);
    }

    /** The key relative to a prefix it starts with. */
    public String relativeTo(StorageKey prefix) {
        if (!path.startsWith(prefix.path + "/")) {
            throw new IllegalArgumentException(path + " is not under " + prefix.path);
        }
        return path.substring(prefix.path.length() + 1);
    }

    /** The last segment. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return path;
    }
}
