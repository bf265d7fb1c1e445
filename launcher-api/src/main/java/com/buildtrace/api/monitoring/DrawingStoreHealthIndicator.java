package com.buildtrace.api.monitoring;

import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.LocalDrawingStore;
import com.buildtrace.storage.StorageKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health {@code drawingStore}, part of the readiness group: the local store's folder is writable (or can be
 * made: a fresh installation has none until its first upload); a bucket answers a metadata request with the
 * credentials given. An instance that cannot reach its store
 * cannot take uploads or serve images, so it should not get traffic.
 */
@Component("drawingStoreHealthIndicator")
class DrawingStoreHealthIndicator extends AbstractHealthIndicator {

    /** A key that is never written: reading its metadata proves the store answers. */
    static final StorageKey PROBE = StorageKey.of("health-probe");

    private final DrawingStore store;

    DrawingStoreHealthIndicator(DrawingStore store) {
        super("the drawing store does not answer");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (store instanceof LocalDrawingStore local) {
            (writable(local.root()) ? builder.up() : builder.down()).withDetail("folder", local.root().toString());
            return;
        }
        store.stat(PROBE);
        builder.up();
    }

    /**
     * The folder is writable, or it is not there yet (the store makes it at its first upload) and the nearest
     * folder above it that is there is writable.
     */
    static boolean writable(Path folder) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && Files.isDirectory(p) && Files.isWritable(p);
    }
}
