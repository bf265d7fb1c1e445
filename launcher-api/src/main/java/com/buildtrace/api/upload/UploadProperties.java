package com.buildtrace.api.upload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Resumable uploads ({@code buildtrace.uploads.*}).
 *
 * @param chunkSize the largest chunk a client may send, told to it when the session is created (default 8 MB;
 *     64 KB to 64 MB): one request's worth of bytes to send again after an interruption
 * @param idleExpiry how long a session lives after its last chunk (default 24 hours); then housekeeping
 *     deletes it and the bytes it received
 * @param cleanEvery how often each API instance looks for expired sessions (default 15 minutes)
 */
@ConfigurationProperties("buildtrace.uploads")
public record UploadProperties(DataSize chunkSize, Duration idleExpiry, Duration cleanEvery) {

    public UploadProperties {
        chunkSize = chunkSize == null ? DataSize.ofMegabytes(8) : chunkSize;
        idleExpiry = idleExpiry == null ? Duration.ofHours(24) : idleExpiry;
        cleanEvery = cleanEvery == null ? Duration.ofMinutes(15) : cleanEvery;
        if (chunkSize.toBytes() < DataSize.ofKilobytes(64).toBytes()
                || chunkSize.toBytes() > DataSize.ofMegabytes(64).toBytes()) {
            throw new IllegalArgumentException("buildtrace.uploads.chunk-size must be between 64KB and 64MB, not "
                    + chunkSize);
        }
        if (idleExpiry.compareTo(Duration.ofMinutes(1)) < 0 || cleanEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("buildtrace.uploads: idle-expiry must be at least 1m and clean-every "
                    + "at least 1s");
        }
    }
}
