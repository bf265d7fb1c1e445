package com.buildtrace.api.apikey;

import com.buildtrace.api.activity.ActivityLog;
import com.buildtrace.api.system.Caller;
import com.buildtrace.api.system.Secrets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates, lists, revokes and recognises API keys ({@code bt_} and 256 random bits; only the SHA-256 is
 * stored). A key acts as its user within its projects (view {@code project_principal}).
 */
@Component
public class ApiKeys {

    /** Prefix of API keys. */
    public static final String PREFIX = "bt_";

    private static final String COLUMNS = "id, name, prefix, project_ids, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    private final ActivityLog activity;

    ApiKeys(JdbcClient jdbc, ActivityLog activity) {
        this.jdbc = jdbc;
        this.activity = activity;
    }

    /**
     * A new key of the caller's.
     *
     * @param projects the projects it may reach (already checked visible to the caller), or null for all
     * @return the key, with its secret (shown this once)
     */
    ApiKey create(Caller caller, String name, List<UUID> projects) {
        UUID id = UUID.randomUUID();
        String secret = Secrets.generate(PREFIX);
        String prefix = secret.substring(0, PREFIX.length() + 6);
        jdbc.sql("INSERT INTO api_key (id, user_id, name, prefix, key_hash, project_ids) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, caller.userId(), name, prefix, Secrets.hash(secret),
                        projects == null ? null : projects.toArray(UUID[]::new)).update();
        Map<String, Object> detail = new HashMap<>(Map.of("keyId", id, "name", name));
        detail.put("projects", projects == null ? "all" : projects);
        record(caller, projects, "api_key_created", detail);
        ApiKey k = find(caller, id).orElseThrow();
        return new ApiKey(k.id(), k.name(), k.prefix(), k.projects(), k.createdAt(), null, null, secret);
    }

    /** The caller's keys, newest first (revoked ones too). */
    List<ApiKey> list(Caller caller) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE user_id = ? ORDER BY created_at DESC, id")
                .param(caller.userId()).query(ApiKeys::key).list();
    }

    Optional<ApiKey> find(Caller caller, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = ? AND user_id = ?").params(id, caller.userId())
                .query(ApiKeys::key).optional();
    }

    /**
     * Revokes one of the caller's keys.
     *
     * @return false when the caller has no such key
     */
    boolean revoke(Caller caller, UUID id) {
        Optional<ApiKey> key = find(caller, id);
        boolean found = jdbc.sql("UPDATE api_key SET revoked_at = COALESCE(revoked_at, now()) WHERE id = ? AND user_id = ?")
                .params(id, caller.userId()).update() == 1;
        if (found) {
            record(caller, key.map(ApiKey::projects).orElse(null), "api_key_revoked",
                    Map.of("keyId", id, "name", key.map(ApiKey::name).orElse("")));
        }
        return found;
    }

    /**
     * A key limited to some projects is recorded in each of them (their members see that a key reaches them);
     * a key of all the user's projects in the user's own log.
     */
    private void record(Caller caller, List<UUID> projects, String action, Map<String, ?> detail) {
        if (projects == null) {
            activity.record(caller, null, action, detail);
        } else {
            projects.forEach(p -> activity.record(caller, p, action, detail));
        }
    }

    /** Revokes the key with this secret, whoever holds it (the holder of a leaked key); unknown ones are ignored. */
    public void revoke(String secret) {
        jdbc.sql("SELECT id, user_id FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
                .param(Secrets.hash(secret))
                .query((rs, row) -> new Caller(rs.getString(2), rs.getObject(1, UUID.class))).optional()
                .ifPresent(c -> revoke(new Caller(c.userId()), c.apiKeyId()));
    }

    /**
     * The caller a key stands for, recording its use (at most once a minute, to spare the database).
     *
     * @return empty for an unknown or revoked key
     */
    public Optional<Caller> authenticate(String secret) {
        Optional<Caller> caller = jdbc.sql("SELECT id, user_id FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
                .param(Secrets.hash(secret))
                .query((rs, row) -> new Caller(rs.getString(2), rs.getObject(1, UUID.class))).optional();
        caller.ifPresent(c -> jdbc.sql("""
                UPDATE api_key SET last_used_at = now()
                WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .param(c.apiKeyId()).update());
        return caller;
    }

    private static ApiKey key(ResultSet rs, int row) throws SQLException {
        Array projects = rs.getArray("project_ids");
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                projects == null ? null : Arrays.asList((UUID[]) projects.getArray()),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class), null);
    }
}
