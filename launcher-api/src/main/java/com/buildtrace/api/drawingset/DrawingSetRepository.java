package com.buildtrace.api.drawingset;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.system.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes drawing sets, revisions and their files, within the projects the caller may see. */
@Repository
public class DrawingSetRepository {

    private static final String SET_COLUMNS = """
            s.id, s.project_id, s.name, s.created_at,
            (SELECT count(*) FROM revision r WHERE r.set_id = s.id) AS revisions,
            (SELECT r.id FROM revision r WHERE r.set_id = s.id ORDER BY r.seq DESC LIMIT 1) AS latest""";

    private static final String REVISION_COLUMNS = """
            r.id, r.project_id, r.set_id, s.name AS set_name, r.seq, r.label, r.issued_on, r.note, r.pages, r.bytes,
            r.sha256, r.created_by, r.created_at""";

    private static final String REVISION_FROM =
            " FROM revision r JOIN drawing_set s ON s.id = r.set_id JOIN project p ON p.id = r.project_id";

    private final JdbcClient jdbc;

    DrawingSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DrawingSet createSet(Caller caller, UUID project, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO drawing_set (id, project_id, name, created_by) VALUES (?, ?, ?, ?)")
                .params(id, project, name, caller.userId()).update();
        return findSet(caller, project, id).orElseThrow();
    }

    Optional<DrawingSet> findSet(Caller caller, UUID project, UUID id) {
        return jdbc.sql("SELECT " + SET_COLUMNS + " FROM drawing_set s JOIN project p ON p.id = s.project_id "
                        + "WHERE s.id = ? AND s.project_id = ? AND " + ProjectAccess.VISIBLE)
                .params(id, project, caller.principal()).query(DrawingSetRepository::set).optional();
    }

    Optional<DrawingSet> findSetByName(UUID project, String name) {
        return jdbc.sql("SELECT " + SET_COLUMNS + " FROM drawing_set s WHERE s.project_id = ? AND lower(s.name) = lower(?)")
                .params(project, name).query(DrawingSetRepository::set).optional();
    }

    List<DrawingSet> sets(Caller caller, UUID project) {
        return jdbc.sql("SELECT " + SET_COLUMNS + " FROM drawing_set s JOIN project p ON p.id = s.project_id "
                        + "WHERE s.project_id = ? AND " + ProjectAccess.VISIBLE + " ORDER BY lower(s.name)")
                .params(project, caller.principal()).query(DrawingSetRepository::set).list();
    }

    /** The revision, if the caller may see its project. */
    public Optional<Revision> find(Caller caller, UUID id) {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + REVISION_FROM + " WHERE r.id = ? AND " + ProjectAccess.VISIBLE)
                .params(id, caller.principal()).query(this::revisionRow).optional().map(this::withFiles);
    }

    /** Revisions of a project (or of one of its sets), newest first. */
    List<Revision> revisions(Caller caller, UUID project, UUID set, int page, int size) {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + REVISION_FROM + " WHERE r.project_id = ? AND "
                        + "(CAST(? AS uuid) IS NULL OR r.set_id = ?) AND " + ProjectAccess.VISIBLE
                        + " ORDER BY r.created_at DESC, r.seq DESC LIMIT ? OFFSET ?")
                .params(project, set, set, caller.principal(), size, (long) page * size).query(this::revisionRow).list()
                .stream().map(this::withFiles).toList();
    }

    long countRevisions(UUID project, UUID set) {
        return jdbc.sql("SELECT count(*) FROM revision r WHERE r.project_id = ? AND (CAST(? AS uuid) IS NULL OR r.set_id = ?)")
                .params(project, set, set).query(Long.class).single();
    }

    /** The revision of the set uploaded just before this one, if any. */
    public Optional<UUID> previous(UUID revision) {
        return jdbc.sql("""
                SELECT o.id FROM revision r JOIN revision o ON o.set_id = r.set_id AND o.seq < r.seq
                WHERE r.id = ? ORDER BY o.seq DESC LIMIT 1""").param(revision).query(UUID.class).optional();
    }

    /** The latest two revisions of every set of a project, as (older, newer). */
    public List<UUID[]> latestPairs(UUID project) {
        return jdbc.sql("""
                SELECT (SELECT r.id FROM revision r WHERE r.set_id = s.id ORDER BY r.seq DESC OFFSET 1 LIMIT 1),
                       (SELECT r.id FROM revision r WHERE r.set_id = s.id ORDER BY r.seq DESC LIMIT 1)
                FROM drawing_set s WHERE s.project_id = ? ORDER BY s.created_at""").param(project)
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list()
                .stream().filter(p -> p[0] != null).toList();
    }

    /** Locks the set's revisions against a concurrent upload and returns the next revision number. */
    int lockNextSeq(UUID set) {
        jdbc.sql("SELECT id FROM drawing_set WHERE id = ? FOR UPDATE").param(set).query(UUID.class).single();
        return jdbc.sql("SELECT COALESCE(max(seq), 0) + 1 FROM revision WHERE set_id = ?").param(set)
                .query(Integer.class).single();
    }

    /** A revision of the set with these exact files, if one was uploaded before. */
    Optional<Revision> sameUpload(Caller caller, UUID set, String sha256) {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + REVISION_FROM + " WHERE r.set_id = ? AND r.sha256 = ? AND "
                        + ProjectAccess.VISIBLE).params(set, sha256, caller.principal()).query(this::revisionRow)
                .optional().map(this::withFiles);
    }

    void insert(Revision r, String storagePrefix, List<String> keys) {
        jdbc.sql("""
                INSERT INTO revision (id, set_id, project_id, seq, label, issued_on, note, files, bytes, pages, sha256,
                                      storage_prefix, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.setId(), r.projectId(), r.seq(), r.label(), r.issuedOn(), r.note(), r.files().size(),
                        r.bytes(), r.pages(), r.sha256(), storagePrefix, r.createdBy()).update();
        for (Revision.RevisionFile f : r.files()) {
            jdbc.sql("""
                    INSERT INTO revision_file (revision_id, position, original_name, media_type, bytes, sha256, pages,
                                               storage_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.id(), f.position(), f.name(), f.mediaType(), f.bytes(), f.sha256(), f.pages(),
                            keys.get(f.position())).update();
        }
    }

    /** The store keys of a revision's files, in order. */
    public List<String> fileKeys(UUID revision) {
        return jdbc.sql("SELECT storage_key FROM revision_file WHERE revision_id = ? ORDER BY position")
                .param(revision).query(String.class).list();
    }

    /** The key prefix under which a revision's files are stored. */
    public String storagePrefix(UUID revision) {
        return jdbc.sql("SELECT storage_prefix FROM revision WHERE id = ?").param(revision).query(String.class).single();
    }

    /** For each digest, a revision of the set that already holds a file with it. */
    Map<String, UUID> filesInSet(UUID set, List<String> digests) {
        if (digests.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT ON (f.sha256) f.sha256, f.revision_id FROM revision_file f
                JOIN revision r ON r.id = f.revision_id
                WHERE r.set_id = ? AND f.sha256 = ANY (?) ORDER BY f.sha256, r.seq""")
                .params(set, digests.toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Revision withFiles(Revision r) {
        List<Revision.RevisionFile> files = new ArrayList<>(jdbc.sql("""
                SELECT f.position, f.original_name, f.media_type, f.bytes, f.sha256, f.pages,
                       (SELECT o.revision_id FROM revision_file o JOIN revision orv ON orv.id = o.revision_id
                        WHERE o.sha256 = f.sha256 AND orv.set_id = ? AND o.revision_id <> f.revision_id
                        ORDER BY orv.seq LIMIT 1) AS same_as
                FROM revision_file f WHERE f.revision_id = ? ORDER BY f.position""").params(r.setId(), r.id())
                .query((rs, row) -> new Revision.RevisionFile(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), (Integer) rs.getObject(6), rs.getObject(7, UUID.class)))
                .list());
        return new Revision(r.id(), r.projectId(), r.setId(), r.setName(), r.seq(), r.label(), r.issuedOn(), r.note(),
                r.pages(), r.bytes(), r.sha256(), files, r.createdBy(), r.createdAt());
    }

    private Revision revisionRow(ResultSet rs, int row) throws SQLException {
        return new Revision(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("set_id", UUID.class), rs.getString("set_name"), rs.getInt("seq"), rs.getString("label"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("note"), (Integer) rs.getObject("pages"),
                rs.getLong("bytes"), rs.getString("sha256").trim(), List.of(), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static DrawingSet set(ResultSet rs, int row) throws SQLException {
        return new DrawingSet(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("name"), rs.getInt("revisions"), rs.getObject("latest", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
