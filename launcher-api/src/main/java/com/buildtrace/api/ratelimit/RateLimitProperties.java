package com.buildtrace.api.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits ({@code buildtrace.rate-limit.*}): requests per user (per address when anonymous) and period,
 * by kind of request.
 *
 * @param enabled limits apply (default true)
 * @param period the period the numbers are per; a bucket refills completely at its end (default 1 minute)
 * @param uploads revision uploads per period, a resumable upload counting once (default 10)
 * @param chunks chunks of resumable uploads per period (default 1200: 8 MB chunks at up to 160 MB/s)
 * @param comparisons comparisons created per period, from revisions or from files (default 5)
 * @param other every other request to {@code /api/} per period (default 60)
 * @param images sheet images per period (default 600: a viewer loads several per sheet, a gallery one per tile)
 * @param tiles tiles of the sheets' tile pyramids and their descriptions per period (default 3000: a screenful is
 *     about 40 tiles on a 4K screen, twice that side by side, at every zoom step; tiles once loaded are kept by the
 *     browser and not asked for again)
 * @param store {@code memory}: buckets in this process (default); {@code postgres}: in the database, shared by
 *     every API instance
 */
@ConfigurationProperties("buildtrace.rate-limit")
public record RateLimitProperties(Boolean enabled, Duration period, Integer uploads, Integer comparisons,
                                  Integer other, Integer images, Integer tiles, Store store, Integer chunks) {

    /** Where buckets live. */
    public enum Store { MEMORY, POSTGRES }

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        period = period == null ? Duration.ofMinutes(1) : period;
        uploads = uploads == null ? 10 : uploads;
        comparisons = comparisons == null ? 5 : comparisons;
        other = other == null ? 60 : other;
        images = images == null ? 600 : images;
        tiles = tiles == null ? 3000 : tiles;
        store = store == null ? Store.MEMORY : store;
        chunks = chunks == null ? 1200 : chunks;
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || uploads < 1 || comparisons < 1 || other < 1
                || images < 1 || tiles < 1 || chunks < 1) {
            throw new IllegalArgumentException("buildtrace.rate-limit: period must be at least 1s and every limit "
                    + "at least 1");
        }
    }

    /** The limit of a kind of request. */
    public int limit(RequestKind kind) {
        return switch (kind) {
            case UPLOAD -> uploads;
            case CHUNK -> chunks;
            case COMPARISON -> comparisons;
            case IMAGE -> images;
            case TILE -> tiles;
            case OTHER -> other;
        };
    }
}
