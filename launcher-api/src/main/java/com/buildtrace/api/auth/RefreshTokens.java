package com.buildtrace.api.auth;

import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.system.Secrets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refresh tokens: opaque ({@code rt_} and 256 random bits), stored as their SHA-256. Each use rotates the
 * token: it is marked used and a new one of the same family is issued. A token presented again after its
 * rotation means it was copied: the whole family is revoked, so neither the thief nor the owner can go on
 * without signing in again. Only within a few seconds of its rotation ({@link AuthProperties#refreshReuseGrace})
 * is a used token exchanged once more: that is two tabs of one browser refreshing at the same moment.
 */
@Component
public class RefreshTokens {

    /** Prefix of refresh tokens. */
    public static final String PREFIX = "rt_";

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokens.class);

    private final JdbcClient jdbc;

    private final TransactionTemplate tx;

    private final AuthProperties properties;

    private final ActivityLog activity;

    RefreshTokens(JdbcClient jdbc, @Qualifier("transactionManager") PlatformTransactionManager tx,
                  AuthProperties properties, ActivityLog activity) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
        this.properties = properties;
        this.activity = activity;
    }

    /**
     * A refresh token issued or rotated.
     *
     * @param value the token, shown to its holder once
     * @param userId whose
     * @param expiresAt until when it can be used
     */
    public record RefreshToken(String value, String userId, Instant expiresAt) {
    }

    /** A new token of a new family (a sign-in). */
    public RefreshToken issue(String userId) {
        return insert(userId, UUID.randomUUID());
    }

    /**
     * Exchanges a token for a new one of its family.
     *
     * @throws InvalidTokenException for an unknown, expired or revoked token, and for one already used (which
     *     revokes its family)
     */
    public RefreshToken rotate(String token) {
        String hash = Secrets.hash(token);
        Object result = tx.execute(status -> {
            Row row = jdbc.sql("""
                    SELECT family_id, user_id, expires_at, now() - used_at <= ? * INTERVAL '1 millisecond' AS in_grace,
                           used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked
                    FROM refresh_token WHERE token_hash = ? FOR UPDATE""")
                    .params(properties.refreshReuseGrace().toMillis(), hash)
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getBoolean(4), rs.getBoolean(5),
                            rs.getBoolean(6)))
                    .optional().orElse(null);
            if (row == null || row.revoked()) {
                return "the refresh token is not valid; sign in again";
            }
            if (row.used() && row.inGrace() && row.expiresAt().isAfter(Instant.now())) {
                LOG.info("refresh token of user {} used again within {} of its rotation: a concurrent refresh",
                        row.userId(), properties.refreshReuseGrace());
                return insert(row.userId(), row.family());
            }
            if (row.used()) {
                int revoked = revokeFamily(row.family());
                LOG.warn("refresh token of user {} used twice: its family {} ({} tokens) is revoked", row.userId(),
                        row.family(), revoked);
                activity.record(row.userId(), null, "refresh_token_reused", Map.of("family", row.family()));
                return "the refresh token was used before: every token of this sign-in is revoked; sign in again";
            }
            if (!row.expiresAt().isAfter(Instant.now())) {
                return "the refresh token has expired; sign in again";
            }
            jdbc.sql("UPDATE refresh_token SET used_at = now() WHERE token_hash = ?").param(hash).update();
            return insert(row.userId(), row.family());
        });
        if (result instanceof RefreshToken rotated) {
            return rotated;
        }
        // the reuse revocation is committed before the refusal
        throw new InvalidTokenException((String) result);
    }

    /** Revokes the token's family (sign-out, or a holder revoking it); unknown tokens are ignored. */
    public void revoke(String token) {
        jdbc.sql("SELECT family_id FROM refresh_token WHERE token_hash = ?").param(Secrets.hash(token))
                .query(UUID.class).optional().ifPresent(this::revokeFamily);
    }

    private int revokeFamily(UUID family) {
        return jdbc.sql("UPDATE refresh_token SET revoked_at = now() WHERE family_id = ? AND revoked_at IS NULL")
                .param(family).update();
    }

    private RefreshToken insert(String userId, UUID family) {
        String token = Secrets.generate(PREFIX);
        Instant expires = Instant.now().plus(properties.refreshTokenLifetime());
        jdbc.sql("""
                INSERT INTO refresh_token (id, family_id, user_id, token_hash, expires_at) VALUES (?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), family, userId, Secrets.hash(token),
                        OffsetDateTime.ofInstant(expires, ZoneOffset.UTC)).update();
        return new RefreshToken(token, userId, expires);
    }

    private record Row(UUID family, String userId, Instant expiresAt, boolean inGrace, boolean used,
                       boolean revoked) {
    }
}
