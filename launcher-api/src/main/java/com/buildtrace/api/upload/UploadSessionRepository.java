package com.buildtrace.api.upload;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.system.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes upload sessions, their files and chunks (tables {@code upload_session}, {@code upload_file},
 * {@code upload_chunk}), within the projects the caller may see. Every change of a file's offset is a
 * conditional update, so two instances taking chunks of the same file cannot both move it.
 */
@Repository
class UploadSessionRepository {

    /** How long a completion holds its session; one older than this was cut short and may be taken over. */
    static final Duration COMPLETION_CLAIM = Duration.ofMinutes(30);

    private static final String CLAIMED = "u.completing_since > now() - make_interval(secs => "
            + COMPLETION_CLAIM.toSeconds() + ")";

    private static final String COLUMNS = """
            u.id, u.project_id, u.set_id, s.name AS set_name, u.label, u.issued_on, u.note, u.chunk_bytes,
            CASE WHEN u.state = 'open' AND %s THEN 'completing' ELSE u.state END AS state, u.revision_id,
            u.created_by, COALESCE(a.name, a.email, u.created_by) AS created_by_name, u.created_at, u.updated_at,
            u.expires_at""".formatted(CLAIMED);

    private static final String FILE = "SELECT position, name, bytes, sha256, received FROM upload_file WHERE session_id = ?";

    private static final String FROM = """
             FROM upload_session u JOIN drawing_set s ON s.id = u.set_id JOIN project p ON p.id = u.project_id
            LEFT JOIN app_user a ON a.id = u.created_by WHERE u.expires_at > now() AND\s""" + ProjectAccess.VISIBLE;

    private final JdbcClient jdbc;

    UploadSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, Caller caller, UUID project, UUID set, String label, LocalDate issuedOn, String note,
                int chunkBytes, List<UploadSessions.AnnouncedFile> files, Duration idleExpiry) {
        jdbc.sql("""
                INSERT INTO upload_session (id, project_id, set_id, label, issued_on, note, chunk_bytes, created_by,
                                            expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now() + make_interval(secs => CAST(? AS double precision)))""")
                .params(id, project, set, label, issuedOn, note, chunkBytes, caller.userId(), idleExpiry.toSeconds())
                .update();
        for (int i = 0; i < files.size(); i++) {
            UploadSessions.AnnouncedFile f = files.get(i);
            jdbc.sql("INSERT INTO upload_file (session_id, position, name, bytes, sha256) VALUES (?, ?, ?, ?, ?)")
                    .params(id, i, f.name(), f.bytes(), f.sha256()).update();
        }
    }

    /** The session, if it has not expired and the caller may see its project. */
    Optional<UploadSession> find(Caller caller, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " AND u.id = ?").params(caller.principal(), id)
                .query(UploadSessionRepository::session).optional().map(this::withFiles);
    }

    /** The open sessions of a project, oldest first. */
    List<UploadSession> open(Caller caller, UUID project) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " AND u.project_id = ? AND u.state = 'open' ORDER BY u.created_at")
                .params(caller.principal(), project).query(UploadSessionRepository::session).list().stream()
                .map(this::withFiles).toList();
    }

    /** The file at a position of a session, as it is now. */
    Optional<UploadSession.SessionFile> file(UUID session, int position) {
        return jdbc.sql(FILE + " AND position = ?")
                .params(session, position).query(UploadSessionRepository::file).optional();
    }

    /** True when exactly this chunk (same first byte, same length) of the file was taken before. */
    boolean hasChunk(UUID session, int position, long first, long length) {
        return jdbc.sql("SELECT count(*) FROM upload_chunk WHERE session_id = ? AND position = ? AND start_offset = ? "
                        + "AND length = ?").params(session, position, first, length).query(Long.class).single() > 0;
    }

    /**
     * Moves the file's offset past a chunk written at {@code key}, if the file is still at the chunk's first byte
     * and the session still open; records the chunk and keeps the session alive for {@code idleExpiry}. Run in a
     * transaction.
     *
     * @return false when the offset had moved (another instance took a chunk) or the session was closed
     */
    boolean append(UUID session, int position, long first, long length, String key, Duration idleExpiry) {
        int moved = jdbc.sql("""
                UPDATE upload_file f SET received = ? FROM upload_session u
                WHERE u.id = f.session_id AND u.state = 'open' AND f.session_id = ? AND f.position = ?
                  AND f.received = ?""").params(first + length, session, position, first).update();
        if (moved == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO upload_chunk (session_id, position, start_offset, length, storage_key) VALUES (?, ?, ?, ?, ?)")
                .params(session, position, first, length, key).update();
        touch(session, idleExpiry);
        return true;
    }

    private void touch(UUID session, Duration idleExpiry) {
        jdbc.sql("UPDATE upload_session SET updated_at = now(), expires_at = now() + make_interval(secs => CAST(? AS double precision)) WHERE id = ?")
                .params(idleExpiry.toSeconds(), session).update();
    }

    /** The store keys of a file's chunks, in order. */
    List<String> chunkKeys(UUID session, int position) {
        return jdbc.sql("SELECT storage_key FROM upload_chunk WHERE session_id = ? AND position = ? ORDER BY start_offset")
                .params(session, position).query(String.class).list();
    }

    /**
     * Claims an open session for its completion (no other instance completes it meanwhile, unless this claim
     * grows older than {@link #COMPLETION_CLAIM}) and keeps it alive for {@code idleExpiry}.
     *
     * @return false when it is completed, being completed, or gone
     */
    boolean claim(UUID session, Duration idleExpiry) {
        boolean claimed = jdbc.sql("UPDATE upload_session u SET completing_since = now() WHERE u.id = ? "
                + "AND u.state = 'open' AND NOT COALESCE(" + CLAIMED + ", false)").param(session).update() == 1;
        if (claimed) {
            touch(session, idleExpiry);
        }
        return claimed;
    }

    /** Gives up a claim (the completion failed; the session stays open). */
    void release(UUID session) {
        jdbc.sql("UPDATE upload_session SET completing_since = NULL WHERE id = ? AND state = 'open'").param(session)
                .update();
    }

    /** Marks the session completed with the revision it made; kept until it expires, for a repeated completion. */
    void completed(UUID session, UUID revision, Duration idleExpiry) {
        jdbc.sql("UPDATE upload_session SET state = 'completed', completing_since = NULL, revision_id = ? WHERE id = ?")
                .params(revision, session).update();
        touch(session, idleExpiry);
    }

    /** Takes a file back to its first byte; returns the store keys of the chunks it had. */
    List<String> reset(UUID session, int position) {
        List<String> keys = jdbc.sql("DELETE FROM upload_chunk WHERE session_id = ? AND position = ? RETURNING storage_key")
                .params(session, position).query(String.class).list();
        jdbc.sql("UPDATE upload_file SET received = 0 WHERE session_id = ? AND position = ?").params(session, position)
                .update();
        return keys;
    }

    /**
     * Deletes a session unless it is being completed.
     *
     * @return false when it is being completed
     */
    boolean delete(UUID session) {
        return jdbc.sql("DELETE FROM upload_session u WHERE u.id = ? AND NOT (u.state = 'open' AND COALESCE("
                + CLAIMED + ", false))").param(session).update() == 1;
    }

    /**
     * Locks up to {@code limit} expired sessions that no other instance is cleaning up (run in a transaction,
     * which holds the locks).
     */
    List<UUID> lockExpired(int limit) {
        return jdbc.sql("SELECT id FROM upload_session WHERE expires_at <= now() ORDER BY expires_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED").param(limit).query(UUID.class).list();
    }

    /** Deletes a session whatever its state (expired ones). */
    void deleteExpired(UUID session) {
        jdbc.sql("DELETE FROM upload_session WHERE id = ?").param(session).update();
    }

    /** A session row, without its files yet. */
    private static UploadSession session(ResultSet rs, int row) throws SQLException {
        return new UploadSession(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("set_id", UUID.class), rs.getString("set_name"), rs.getString("label"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("note"), rs.getInt("chunk_bytes"),
                rs.getString("state"), rs.getObject("revision_id", UUID.class), 0, 0, List.of(),
                rs.getString("created_by"), rs.getString("created_by_name"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("expires_at", OffsetDateTime.class));
    }

    private UploadSession withFiles(UploadSession s) {
        List<UploadSession.SessionFile> files = jdbc.sql(FILE + " ORDER BY position").param(s.id()).query(UploadSessionRepository::file).list();
        return new UploadSession(s.id(), s.projectId(), s.setId(), s.setName(), s.label(), s.issuedOn(), s.note(),
                s.chunkBytes(), s.state(), s.revisionId(), files.stream().mapToLong(UploadSession.SessionFile::bytes).sum(),
                files.stream().mapToLong(UploadSession.SessionFile::received).sum(), files, s.createdBy(),
                s.createdByName(), s.createdAt(), s.updatedAt(), s.expiresAt());
    }

    private static UploadSession.SessionFile file(ResultSet rs, int row) throws SQLException {
        String sha = rs.getString("sha256");
        return new UploadSession.SessionFile(rs.getInt("position"), rs.getString("name"), rs.getLong("bytes"),
                sha == null ? null : sha.trim(), rs.getLong("received"));
    }
}
