package com.buildtrace.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a comparison writes its files: a local output folder directly; an output URI of the configured store
 * ({@code gs://bucket/comparisons/{id}}) through a staging folder in the cache,
 * {@code {cache}/staging/{scheme}/{bucket}/{key}}, whose files are published to the store as they are done.
 */
public final class OutputStaging {

    private final DrawingStore store;

    private final Path staging;

    /**
     * @param store where stored outputs go
     * @param cache the local cache folder (its {@code staging} sub-folder holds outputs on their way)
     */
    public OutputStaging(DrawingStore store, Path cache) {
        this.store = store;
        this.staging = cache.toAbsolutePath().normalize().resolve("staging");
    }

    /**
     * The output of a comparison.
     *
     * @throws IllegalArgumentException for a URI that is neither local nor of the configured store
     */
    public StagedOutput open(String outUri) {
        Optional<Path> local = SetFiles.localPath(outUri);
        if (local.isPresent()) {
            return StagedOutput.local(local.get());
        }
        StorageKey key = store.key(outUri).orElseThrow(() -> new IllegalArgumentException(
                outUri + " is neither a local folder nor in the configured store ("
                        + store.uri(new StorageKey("x")).replaceFirst("x$", "") + "...)"));
        URI u = URI.create(outUri);
        Path dir = staging.resolve(u.getScheme()).resolve(u.getRawAuthority().replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve(key.path());
        return StagedOutput.stored(dir, store, key);
    }
}
