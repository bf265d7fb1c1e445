package com.buildtrace.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where drawing sets and results are kept ({@code buildtrace.storage.*}).
 *
 * @param kind {@code local} (default) or {@code gcs}
 * @param root folder of the local store (default {@code ~/.buildtrace/store})
 * @param bucket bucket of the Google Cloud Storage store
 * @param cache local folder where a job keeps its copies of stored drawing sets and stages its output before
 *     writing it to a remote store (default: {@code buildtrace-cache} in the temporary folder)
 */
@ConfigurationProperties("buildtrace.storage")
public record StorageProperties(String kind, Path root, String bucket, Path cache) {

    public StorageProperties {
        if (kind == null || kind.isBlank()) {
            kind = "local";
        }
        if (!kind.equals("local") && !kind.equals("gcs")) {
            throw new IllegalArgumentException("buildtrace.storage.kind must be local or gcs, not " + kind);
        }
        if (root == null) {
            root = Path.of(System.getProperty("user.home"), ".buildtrace", "store");
        }
        if (cache == null) {
            cache = Path.of(System.getProperty("java.io.tmpdir"), "buildtrace-cache");
        }
    }
}
