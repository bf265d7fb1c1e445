package com.buildtrace.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * An object in a {@link DrawingStore}.
 *
 * @param key its key
 * @param bytes its size
 * @param updated when it was last written
 */
public record StoredObject(StorageKey key, long bytes, Instant updated) {

    public StoredObject {
        Objects.requireNonNull(key, "key");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }
}
