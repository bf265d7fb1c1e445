package com.buildtrace.api.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what can no longer matter: revoked access tokens past their expiry, refresh tokens expired for a day,
 * abandoned Google sign-ins, rate-limit buckets that are full again.
 */
@Component
class TokenHousekeeping {

    private final JdbcClient jdbc;

    TokenHousekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void clean() {
        jdbc.sql("DELETE FROM revoked_access_token WHERE expires_at < now()").update();
        jdbc.sql("DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day'").update();
        jdbc.sql("DELETE FROM oauth_login WHERE expires_at < now()").update();
        jdbc.sql("DELETE FROM rate_limit_bucket WHERE expires_at < now()").update();
    }
}
