package com.buildtrace.api.system;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the launcher API ({@code buildtrace.api.*}).
 *
 * @param maxSetSize largest upload of one revision, all its files together (default 500 MB); also the
 *     multipart request limit
 * @param maxFiles most files in one revision upload (default 200)
 * @param concurrentComparisons comparisons this process runs at once; more wait in a queue (default 1: each
 *     comparison already uses every core through its partitions)
 * @param dpi resolution comparisons run at unless a request says otherwise (default 150)
 * @param publicUrl where people reach this installation's web UI (e.g. {@code https://buildtrace.example.com}),
 *     for links in what the server sends (notifications); unset: no links
 */
@ConfigurationProperties("buildtrace.api")
public record ApiProperties(DataSize maxSetSize, Integer maxFiles, Integer concurrentComparisons, Double dpi,
                            URI publicUrl) {

    public ApiProperties {
        if (maxSetSize == null) {
            maxSetSize = DataSize.ofMegabytes(500);
        }
        if (maxFiles == null) {
            maxFiles = 200;
        }
        if (concurrentComparisons == null) {
            concurrentComparisons = 1;
        }
        if (dpi == null) {
            dpi = 150.0;
        }
        if (maxFiles < 1 || concurrentComparisons < 1 || dpi < 36 || dpi > 600) {
            throw new IllegalArgumentException("buildtrace.api: maxFiles and concurrentComparisons must be >= 1 and "
                    + "dpi between 36 and 600");
        }
        if (publicUrl != null && (publicUrl.getHost() == null
                || !List.of("http", "https").contains(String.valueOf(publicUrl.getScheme())))) {
            throw new IllegalArgumentException("buildtrace.api.public-url must be an absolute http(s) URL, not "
                    + publicUrl);
        }
    }

    /** The web UI's address of a page ({@code #/comparisons/ID}), or empty without a public URL. */
    public Optional<String> link(String fragment) {
        if (publicUrl == null) {
            return Optional.empty();
        }
        String base = publicUrl.toString().replaceAll("/+$", "");
        return Optional.of(base + "/" + fragment);
    }
}
