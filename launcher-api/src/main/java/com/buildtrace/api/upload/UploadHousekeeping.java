package com.buildtrace.api.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes upload sessions idle longer than {@code buildtrace.uploads.idle-expiry} and the bytes they received,
 * every {@code buildtrace.uploads.clean-every} in each API instance (the instances share the work).
 */
@Component
class UploadHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(UploadHousekeeping.class);

    private final UploadSessions sessions;

    UploadHousekeeping(UploadSessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "${buildtrace.uploads.clean-every:15m}", initialDelayString = "PT1M")
    void expire() {
        int deleted = sessions.expire();
        if (deleted > 0) {
            LOG.info("deleted {} expired upload session(s) and their bytes", deleted);
        }
    }
}
