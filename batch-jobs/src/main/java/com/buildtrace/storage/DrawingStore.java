package com.buildtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Keeps drawing sets and comparison results: uploaded files under {@code projects/...}, what a comparison
 * writes under {@code comparisons/...} (see {@link StorageLayout}).
 * <p>
 * Implementations: {@link LocalDrawingStore} (a folder, the default) and {@code GcsDrawingStore} (a Google
 * Cloud Storage bucket). A comparison job reads and writes through {@link #uri(StorageKey)} and
 * {@link #key(String)}, so the same job runs on either.
 */
public interface DrawingStore {

    /** Writes an object from a stream (replacing one with the same key) and returns it. */
    StoredObject write(StorageKey key, InputStream content) throws IOException;

    /** Writes an object from a local file (replacing one with the same key) and returns it. */
    StoredObject write(StorageKey key, Path file) throws IOException;

    /**
     * Opens an object for reading.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such object
     */
    InputStream read(StorageKey key) throws IOException;

    /**
     * Opens a byte range of one write of an object: {@code length} bytes from {@code offset} of the object as
     * {@code object} (from {@link #stat}) describes it. For reading a part of a large object, such as one tile
     * of a pyramid, without reading the rest.
     *
     * @throws java.nio.file.NoSuchFileException when the object is gone or has been written again since
     * @throws IllegalArgumentException when the range is not inside the object
     */
    InputStream read(StoredObject object, long offset, long length) throws IOException;

    /** Copies an object to a local file (replacing it). */
    void copyTo(StorageKey key, Path file) throws IOException;

    /** The object with this key, if there is one. */
    Optional<StoredObject> stat(StorageKey key) throws IOException;

    /** Every object whose key starts with {@code prefix/}, in key order. */
    List<StoredObject> list(StorageKey prefix) throws IOException;

    /** Deletes an object; nothing happens when there is none. */
    void delete(StorageKey key) throws IOException;

    /** Deletes every object under a prefix. */
    void deleteAll(StorageKey prefix) throws IOException;

    /** The URI of a key in this store, as a comparison job takes it ({@code file:} or {@code gs:}). */
    String uri(StorageKey key);

    /** The key of a URI of this store, if the URI is one. */
    Optional<StorageKey> key(String uri);
}
