package com.buildtrace.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * An object in a {@link DrawingStore}.
 *
 * @param key its key
 * @param bytes its size
 * @param updated when it was last written
 * @param generation what tells one write of the key from another where the store keeps such a number (the
 *     object generation of Google Cloud Storage), else 0
 */
public record StoredObject(StorageKey key, long bytes, Instant updated, long generation) {

    public StoredObject {
        Objects.requireNonNull(key, "key");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative: " + generation);
        }
    }

    /** An object of a store that keeps no generations. */
    public StoredObject(StorageKey key, long bytes, Instant updated) {
        this(key, bytes, updated, 0);
    }

    /** True when both describe the same write of the same key: same size, time and generation. */
    public boolean sameWriteAs(StoredObject other) {
        return key.equals(other.key) && bytes == other.bytes && generation == other.generation
                && Objects.equals(updated, other.updated);
    }
}
