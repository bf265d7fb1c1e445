package com.buildtrace.api.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deny-list of access tokens revoked before their expiry (by {@code jti}). A row is kept until the token
 * would have expired anyway; {@link TokenHousekeeping} removes it then.
 */
@Component
public class RevokedTokens {

    private final JdbcClient jdbc;

    RevokedTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses the token from now on. */
    public void revoke(UUID jti, String userId, Instant expiresAt) {
        jdbc.sql("INSERT INTO revoked_access_token (jti, user_id, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(jti, userId, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC)).update();
    }

    /** True when the token was revoked. */
    public boolean isRevoked(UUID jti) {
        return jdbc.sql("SELECT count(*) FROM revoked_access_token WHERE jti = ?").param(jti).query(Integer.class)
                .single() > 0;
    }
}
