package com.buildtrace.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where drawing sets and results are kept ({@code buildtrace.storage.*}).
 *
 * @param kind {@code local} (default) or {@code gcs}
 * @param root folder of the local store (default {@code ~/.buildtrace/store})
 * @param bucket bucket of the Google Cloud Storage store (required with kind {@code gcs})
 * @param cache local folder where a job keeps its copies of stored drawing sets and stages its output before
 *     writing it to a remote store (default: {@code buildtrace-cache} in the temporary folder)
 */
@ConfigurationProperties("buildtrace.storage")
public record StorageProperties(String kind, Path root, String bucket, Path cache) {

    /** The local-folder store. */
    public static final String LOCAL = "local";

    /** The Google Cloud Storage store. */
    public static final String GCS = "gcs";

    public StorageProperties {
        kind = kind == null || kind.isBlank() ? LOCAL : kind.trim();
        if (!kind.equals(LOCAL) && !kind.equals(GCS)) {
            throw new IllegalArgumentException("buildtrace.storage.kind must be local or gcs, not " + kind);
        }
        if (kind.equals(GCS) && (bucket == null || bucket.isBlank())) {
            throw new IllegalArgumentException("buildtrace.storage.kind=gcs needs buildtrace.storage.bucket "
                    + "(BUILDTRACE_STORAGE_BUCKET): the bucket that holds drawing sets and results");
        }
        if (root == null) {
            root = Path.of(System.getProperty("user.home"), ".buildtrace", "store");
        }
        if (cache == null) {
            cache = Path.of(System.getProperty("java.io.tmpdir"), "buildtrace-cache");
        }
    }
}
