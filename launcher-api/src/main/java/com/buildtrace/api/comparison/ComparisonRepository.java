package com.buildtrace.api.comparison;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.system.Caller;
import com.buildtrace.comparison.Comparison;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The API's reads and writes of comparisons, always joined to a project the caller may see (comparisons of
 * the command line have no project and never show here).
 */
@Repository
class ComparisonRepository {

    /** Statuses as the API names them, from the recorded ones. */
    static final Map<String, String> STATUS = Map.of(Comparison.PLANNED, "queued", Comparison.RUNNING, "running",
            Comparison.COMPLETED, "completed", Comparison.FAILED, "failed", Comparison.STOPPED, "cancelled");

    private static final String SELECT = """
            SELECT c.id, c.project_id, c.status, c.trigger, c.requested_by, c.error, c.created_at, c.started_at,
                   c.finished_at, c.sheets_total, c.out_uri,
                   o.id AS old_id, o.set_id AS old_set, os.name AS old_set_name, o.label AS old_label,
                   n.id AS new_id, n.set_id AS new_set, ns.name AS new_set_name, n.label AS new_label,
                   (SELECT count(*) FROM sheet_pair_result r WHERE r.comparison_id = c.id) AS done,
                   (SELECT jsonb_object_agg(status, k) FROM (SELECT status, count(*) AS k FROM sheet_pair_result r
                        WHERE r.comparison_id = c.id GROUP BY status) x)::text AS counts,
                   (SELECT r.task_index FROM sheet_pair_result r JOIN artifact a ON a.comparison_id = r.comparison_id
                        AND a.task_index = r.task_index AND a.kind = 'thumbnail'
                    WHERE r.comparison_id = c.id
                    ORDER BY (r.status IN ('changed', 'added', 'removed')) DESC,
                             jsonb_array_length(r.regions) DESC, r.task_index LIMIT 1) AS thumbnail_task
            FROM comparison c
            JOIN project p ON p.id = c.project_id
            JOIN revision o ON o.id = c.old_revision_id JOIN drawing_set os ON os.id = o.set_id
            JOIN revision n ON n.id = c.new_revision_id JOIN drawing_set ns ON ns.id = n.set_id
            """;

    private final JdbcClient jdbc;

    ComparisonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a comparison of two revisions, unless that pair was compared already.
     *
     * @return true when recorded, false when the pair has a comparison
     */
    boolean insert(UUID id, UUID project, UUID oldRevision, UUID newRevision, String oldUri, String newUri,
                   String outUri, String optionsJson, Caller caller, String trigger) {
        return jdbc.sql("""
                INSERT INTO comparison (id, old_uri, new_uri, out_uri, options, status, project_id, old_revision_id,
                                        new_revision_id, requested_by, trigger)
                VALUES (?, ?, ?, ?, ?::jsonb, 'planned', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, oldUri, newUri, outUri, optionsJson, project, oldRevision, newRevision, caller.userId(),
                        trigger).update() == 1;
    }

    /** The comparison of this pair of revisions, if there is one. */
    Optional<UUID> ofPair(UUID oldRevision, UUID newRevision) {
        return jdbc.sql("SELECT id FROM comparison WHERE old_revision_id = ? AND new_revision_id = ?")
                .params(oldRevision, newRevision).query(UUID.class).optional();
    }

    Optional<ComparisonView> find(Caller caller, UUID id) {
        return jdbc.sql(SELECT + " WHERE c.id = ? AND " + ProjectAccess.VISIBLE).params(id, caller.principal())
                .query(ComparisonRepository::view).optional();
    }

    /** Where a file of a sheet task (an image) of a comparison the caller may see is, if both exist. */
    Optional<String> artifactUri(Caller caller, UUID id, int taskIndex, String kind) {
        return jdbc.sql("SELECT a.uri FROM artifact a JOIN comparison c ON c.id = a.comparison_id "
                        + "JOIN project p ON p.id = c.project_id "
                        + "WHERE a.comparison_id = ? AND a.task_index = ? AND a.kind = ? AND " + ProjectAccess.VISIBLE)
                .params(id, taskIndex, kind, caller.principal()).query(String.class).optional();
    }

    /** The caller's comparisons, newest first, optionally of one project and in one API status. */
    List<ComparisonView> list(Caller caller, UUID project, String status, int page, int size) {
        return jdbc.sql(SELECT + " WHERE " + ProjectAccess.VISIBLE + FILTER
                        + " ORDER BY c.created_at DESC, c.id LIMIT ? OFFSET ?")
                .params(caller.principal(), project, project, recorded(status), recorded(status), size, (long) page * size)
                .query(ComparisonRepository::view).list();
    }

    long count(Caller caller, UUID project, String status) {
        return jdbc.sql("SELECT count(*) FROM comparison c JOIN project p ON p.id = c.project_id WHERE "
                        + ProjectAccess.VISIBLE + FILTER)
                .params(caller.principal(), project, project, recorded(status), recorded(status)).query(Long.class).single();
    }

    private static final String FILTER = " AND (CAST(? AS uuid) IS NULL OR c.project_id = ?)"
            + " AND (CAST(? AS text) IS NULL OR c.status = ?)";

    private static String recorded(String apiStatus) {
        if (apiStatus == null) {
            return null;
        }
        return STATUS.entrySet().stream().filter(e -> e.getValue().equals(apiStatus)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** Comparisons of projects that this process should run or resume after a start: queued, or running. */
    List<UUID> unfinished() {
        return jdbc.sql("""
                SELECT id FROM comparison WHERE project_id IS NOT NULL AND status IN ('planned', 'running')
                ORDER BY created_at""").query(UUID.class).list();
    }

    /** Per-sheet results as stored: one JSON object per sheet task. */
    List<String> sheets(UUID id) {
        return jdbc.sql("""
                SELECT jsonb_build_object('index', r.task_index, 'kind', r.kind, 'label', r.label,
                           'oldPage', r.old_page, 'newPage', r.new_page,
                           'sheetNumber', r.sheet_number, 'status', r.status, 'attempts', r.attempts,
                           'error', r.error, 'millis', r.millis, 'updatedAt', r.updated_at,
                           'images', (SELECT COALESCE(jsonb_agg(a.kind ORDER BY a.kind), '[]'::jsonb) FROM artifact a
                                      WHERE a.comparison_id = r.comparison_id AND a.task_index = r.task_index),
                           'page', r.page)::text
                FROM sheet_pair_result r WHERE r.comparison_id = ? ORDER BY r.task_index""")
                .param(id).query(String.class).list();
    }

    List<ComparisonView.SheetStatus> sheetStatuses(UUID id) {
        return jdbc.sql("""
                SELECT task_index, label, status, jsonb_array_length(regions), jsonb_array_length(text_changes), error
                FROM sheet_pair_result WHERE comparison_id = ? ORDER BY task_index""").param(id)
                .query((rs, row) -> new ComparisonView.SheetStatus(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getString(6))).list();
    }

    private static ComparisonView view(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        int total = rs.getObject("sheets_total") == null ? 0 : rs.getInt("sheets_total");
        int done = rs.getInt("done");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("changed", "unchanged", "added", "removed", "failed")) {
            counts.put(s, 0);
        }
        String json = rs.getString("counts");
        if (json != null) {
            tools.jackson.databind.json.JsonMapper.shared().readTree(json).properties()
                    .forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        }
        OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        Double seconds = started == null ? null
                : Duration.between(started, finished == null ? OffsetDateTime.now() : finished).toMillis() / 1000.0;
        Integer thumb = (Integer) rs.getObject("thumbnail_task");
        String base = "/api/v1/comparisons/" + id;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base);
        links.put("sheets", base + "/sheets");
        links.put("report", base + "/report/");
        links.put("result", base + "/result.json");
        return new ComparisonView(id, rs.getObject("project_id", UUID.class), STATUS.get(rs.getString("status")),
                new ComparisonView.RevisionRef(rs.getObject("old_id", UUID.class), rs.getObject("old_set", UUID.class),
                        rs.getString("old_set_name"), rs.getString("old_label")),
                new ComparisonView.RevisionRef(rs.getObject("new_id", UUID.class), rs.getObject("new_set", UUID.class),
                        rs.getString("new_set_name"), rs.getString("new_label")),
                rs.getString("trigger"), rs.getString("requested_by"),
                new ComparisonView.Progress(done, total, total == 0 ? 0 : Math.min(100, done * 100 / total)), counts,
                rs.getString("error"), rs.getObject("created_at", OffsetDateTime.class), started, finished, seconds,
                thumb == null ? null : base + "/sheets/" + thumb + "/thumbnail", links, List.of());
    }
}
