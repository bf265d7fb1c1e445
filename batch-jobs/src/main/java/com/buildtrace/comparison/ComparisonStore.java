package com.buildtrace.comparison;

import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.SetIngest;
import com.buildtrace.compare.SetPlan;
import com.buildtrace.compare.SheetTask;
import com.buildtrace.compare.overlay.SheetImages;
import com.buildtrace.compare.source.SheetSource;
import com.buildtrace.sheets.SheetId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes the comparison tables. Every write is idempotent: a retried step rewrites, never adds. */
@Repository
public class ComparisonStore {

    private final JdbcClient jdbc;

    public ComparisonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a comparison unless it is already known. */
    public void create(UUID id, String oldUri, String newUri, String outUri, String optionsJson) {
        jdbc.sql("""
                INSERT INTO comparison (id, old_uri, new_uri, out_uri, options, status)
                VALUES (?, ?, ?, ?, ?::jsonb, 'planned') ON CONFLICT (id) DO NOTHING""")
                .params(id, oldUri, newUri, outUri, optionsJson).update();
    }

    public Optional<Comparison> find(UUID id) {
        return jdbc.sql("""
                SELECT id, old_uri, new_uri, out_uri, options::text AS options, status, sheets_total, error,
                       created_at, started_at, finished_at, heartbeat_at, owner FROM comparison WHERE id = ?""")
                .param(id).query(ComparisonStore::comparison).optional();
    }

    /** The most recent comparisons, newest first. */
    public List<Comparison> recent(int limit) {
        return jdbc.sql("""
                SELECT id, old_uri, new_uri, out_uri, options::text AS options, status, sheets_total, error,
                       created_at, started_at, finished_at, heartbeat_at, owner FROM comparison
                ORDER BY created_at DESC LIMIT ?""").param(limit).query(ComparisonStore::comparison).list();
    }

    private static Comparison comparison(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Comparison(rs.getObject("id", UUID.class), rs.getString("old_uri"), rs.getString("new_uri"),
                rs.getString("out_uri"), rs.getString("options"), rs.getString("status"),
                (Integer) rs.getObject("sheets_total"), rs.getString("error"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getObject("heartbeat_at", OffsetDateTime.class),
                rs.getString("owner"));
    }

    /**
     * A run starts (or resumes): status running, start time kept from the first run.
     *
     * @param owner the process running it, as host:pid
     */
    public void markRunning(UUID id, String owner) {
        jdbc.sql("""
                UPDATE comparison SET status = 'running', error = NULL, finished_at = NULL,
                       started_at = COALESCE(started_at, now()), heartbeat_at = now(), owner = ? WHERE id = ?""")
                .params(owner, id).update();
    }

    /** The process running the comparison is alive. */
    public void heartbeat(UUID id) {
        jdbc.sql("UPDATE comparison SET heartbeat_at = now() WHERE id = ?").param(id).update();
    }

    /** The process running the comparison ({@code host:pid}) is alive. */
    public void heartbeat(UUID id, String owner) {
        jdbc.sql("UPDATE comparison SET heartbeat_at = now(), owner = ? WHERE id = ?").params(owner, id).update();
    }

    /** The comparison ended. */
    public void finish(UUID id, String status, String error) {
        jdbc.sql("UPDATE comparison SET status = ?, error = ?, finished_at = now(), heartbeat_at = now() WHERE id = ?")
                .params(status, error, id).update();
    }

    /** The identified sheets of both sets (replacing any earlier record of them). */
    @Transactional("transactionManager")
    public void saveIngest(UUID id, SetIngest ingest) {
        jdbc.sql("DELETE FROM comparison_sheet WHERE comparison_id = ?").param(id).update();
        saveSheets(id, "old", ingest.oldSheets(), ingest.oldIds());
        saveSheets(id, "new", ingest.newSheets(), ingest.newIds());
    }

    private void saveSheets(UUID id, String side, List<SheetSource> sheets, List<SheetId> ids) {
        for (int i = 0; i < sheets.size(); i++) {
            SheetSource s = sheets.get(i);
            SheetId sheetId = ids.get(i);
            jdbc.sql("""
                    INSERT INTO comparison_sheet (comparison_id, side, page_index, identified, sheet_number, title,
                                                  width_pt, height_pt, problem)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, side, i, sheetId != null, sheetId == null ? null : sheetId.number(),
                            sheetId == null ? null : sheetId.title(), s.widthPt(), s.heightPt(), s.problem())
                    .update();
        }
    }

    /** Identities of one side's sheets in page order; null where identification waits for the comparison. */
    public List<SheetId> sheetIds(UUID id, String side) {
        return jdbc.sql("""
                SELECT page_index, identified, sheet_number, title FROM comparison_sheet
                WHERE comparison_id = ? AND side = ? ORDER BY page_index""").params(id, side)
                .query((rs, row) -> {
                    if (!rs.getBoolean("identified")) {
                        return (SheetId) null;
                    }
                    String number = rs.getString("sheet_number");
                    int page = rs.getInt("page_index");
                    return number == null ? SheetId.ofPage(page)
                            : new SheetId(number, rs.getString("title"), page, SheetId.Source.TEXT, 1);
                }).list();
    }

    /** The plan of sheet tasks. */
    public void savePlan(UUID id, SetPlan plan) {
        jdbc.sql("UPDATE comparison SET plan = ?::jsonb, sheets_total = ? WHERE id = ?")
                .params(ComparisonJson.write(plan), plan.tasks().size(), id).update();
    }

    public SetPlan plan(UUID id) {
        String json = jdbc.sql("SELECT plan::text FROM comparison WHERE id = ?").param(id).query(String.class).single();
        if (json == null) {
            throw new IllegalStateException("comparison " + id + " has no plan yet");
        }
        return ComparisonJson.read(json, SetPlan.class);
    }

    /**
     * The result of one sheet task: inserted, or rewritten when the task is computed again (its attempts
     * counted), never duplicated.
     */
    public void saveResult(UUID id, SheetTask task, PageComparison page) {
        String sheet = page.newSheet() != null && page.newSheet().number() != null ? page.newSheet().number()
                : page.oldSheet() != null ? page.oldSheet().number() : null;
        jdbc.sql("""
                INSERT INTO sheet_pair_result (comparison_id, task_index, kind, old_page, new_page, sheet_number,
                    label, status, regions, text_changes, alignment, images, page, error, millis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)
                ON CONFLICT (comparison_id, task_index) DO UPDATE SET
                    kind = EXCLUDED.kind, old_page = EXCLUDED.old_page, new_page = EXCLUDED.new_page,
                    sheet_number = EXCLUDED.sheet_number, label = EXCLUDED.label, status = EXCLUDED.status, regions = EXCLUDED.regions,
                    text_changes = EXCLUDED.text_changes, alignment = EXCLUDED.alignment, images = EXCLUDED.images,
                    page = EXCLUDED.page, error = EXCLUDED.error, millis = EXCLUDED.millis,
                    attempts = sheet_pair_result.attempts + 1, updated_at = now()""")
                .params(id, task.index(), task.kind().name().toLowerCase(Locale.ROOT), page.oldPage(), page.newPage(),
                        sheet, page.label(), page.status().json(), ComparisonJson.write(page.regions()),
                        ComparisonJson.write(page.textChanges()),
                        page.alignment() == null ? null : ComparisonJson.write(page.alignment()),
                        page.images() == null ? null : ComparisonJson.write(page.images()),
                        ComparisonJson.write(page), page.error(), page.millis())
                .update();
    }

    /** The page comparisons of a comparison, in task order. */
    public List<PageComparison> results(UUID id) {
        return jdbc.sql("SELECT page::text FROM sheet_pair_result WHERE comparison_id = ? ORDER BY task_index")
                .param(id).query(String.class).list().stream()
                .map(json -> ComparisonJson.read(json, PageComparison.class)).toList();
    }

    /**
     * The comparison of the set as stored: its plan's files and stage times, its sheet results in sheet order
     * (what result.json and the report are written from).
     *
     * @param millis wall time of the comparison
     */
    public SetComparison setComparison(UUID id, CompareOptions options, long millis) {
        SetPlan plan = plan(id);
        List<PageComparison> pages = SetComparator.inSheetOrder(results(id));
        Map<String, Long> stages = new LinkedHashMap<>(plan.stageMillis());
        stages.put("compare", pages.stream().mapToLong(PageComparison::millis).sum());
        List<String> names = names(id);
        return new SetComparison(plan.oldFile(), plan.newFile(), names.get(0), names.get(1), pages, options, millis,
                stages);
    }

    /**
     * What people call the two sets of a comparison launched on uploaded revisions ("Architectural · Rev B"),
     * nulls for one run on files: their file names stand for them.
     */
    private List<String> names(UUID id) {
        return jdbc.sql("""
                SELECT os.name || ' · ' || o.label AS old_name, ns.name || ' · ' || n.label AS new_name
                FROM comparison c
                LEFT JOIN revision o ON o.id = c.old_revision_id LEFT JOIN drawing_set os ON os.id = o.set_id
                LEFT JOIN revision n ON n.id = c.new_revision_id LEFT JOIN drawing_set ns ON ns.id = n.set_id
                WHERE c.id = ?""").param(id)
                .query((rs, row) -> Arrays.asList(rs.getString("old_name"), rs.getString("new_name")))
                .optional().orElse(Arrays.asList(null, null));
    }

    /** How many times each task was computed. */
    public Map<Integer, Integer> attempts(UUID id) {
        Map<Integer, Integer> out = new HashMap<>();
        jdbc.sql("SELECT task_index, attempts FROM sheet_pair_result WHERE comparison_id = ?").param(id)
                .query(rs -> {
                    out.put(rs.getInt(1), rs.getInt(2));
                });
        return out;
    }

    /** Records the files of a sheet task (or of the set, task -1), replacing earlier records. */
    public void saveArtifacts(UUID id, int taskIndex, Map<String, Artifact> files) {
        files.forEach((kind, a) -> jdbc.sql("""
                INSERT INTO artifact (comparison_id, task_index, kind, uri, bytes) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (comparison_id, task_index, kind) DO UPDATE SET uri = EXCLUDED.uri,
                    bytes = EXCLUDED.bytes, created_at = now()""")
                .params(id, taskIndex, kind, a.uri(), a.bytes()).update());
    }

    /** Where a file of a comparison is: a sheet task's (task >= 0) or the set's (task -1), by kind. */
    public Optional<String> artifactUri(UUID id, int taskIndex, String kind) {
        return jdbc.sql("SELECT uri FROM artifact WHERE comparison_id = ? AND task_index = ? AND kind = ?")
                .params(id, taskIndex, kind).query(String.class).optional();
    }

    /**
     * A written file.
     *
     * @param uri where it is
     * @param bytes its size
     */
    public record Artifact(String uri, long bytes) {
    }

    /** The files of a sheet's images, by kind. */
    public static Map<String, String> imageFiles(SheetImages images) {
        Map<String, String> out = new HashMap<>();
        if (images == null) {
            return out;
        }
        putIf(out, "overlay", images.overlay());
        putIf(out, "old", images.oldImage());
        putIf(out, "new", images.newImage());
        putIf(out, "preview", images.preview());
        putIf(out, "thumbnail", images.thumbnail());
        return out;
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    /** The set-level summary. */
    public void saveSummary(UUID id, String json) {
        jdbc.sql("UPDATE comparison SET summary = ?::jsonb WHERE id = ?").params(json, id).update();
    }

    /**
     * Progress: done counts the completed worker partitions of the comparison's job executions (a partition
     * completed in an earlier, interrupted run counts too), per-sheet status comes from the result rows.
     */
    public ComparisonProgress progress(UUID id) {
        Comparison c = find(id).orElseThrow(() -> new IllegalArgumentException("no comparison " + id));
        Integer done = jdbc.sql("""
                SELECT count(DISTINCT s.step_name) FROM batch_step_execution s
                JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                WHERE p.parameter_name = 'comparisonId' AND p.parameter_value = ?
                  AND s.step_name LIKE 'compareSheetPairStep:%' AND s.status = 'COMPLETED'""")
                .param(id.toString()).query(Integer.class).single();
        List<ComparisonProgress.Sheet> sheets = new ArrayList<>(jdbc.sql("""
                SELECT task_index, label, status, jsonb_array_length(regions), jsonb_array_length(text_changes),
                       error, attempts FROM sheet_pair_result WHERE comparison_id = ? ORDER BY task_index""")
                .param(id).query((rs, row) -> new ComparisonProgress.Sheet(rs.getInt(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getInt(7))).list());
        return new ComparisonProgress(id, c.status(), c.sheetsTotal() == null ? 0 : c.sheetsTotal(),
                done == null ? 0 : done, sheets);
    }
}
