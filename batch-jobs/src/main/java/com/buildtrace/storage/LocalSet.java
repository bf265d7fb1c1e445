package com.buildtrace.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A drawing set as local files: what {@link SetFiles#fetch} made of a set URI.
 *
 * @param uri the set's URI, as the comparison was given it
 * @param path the local file, or folder of files, to read
 * @param objects the stored objects the local copy was made from, in name order (none for a local set)
 */
public record LocalSet(String uri, Path path, List<StoredObject> objects) {

    public LocalSet {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(path, "path");
        objects = List.copyOf(objects);
    }
}
