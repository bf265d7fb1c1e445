package com.buildtrace.api.notification;

import com.buildtrace.api.system.ApiProperties;
import com.buildtrace.summary.ChangeSummary;
import com.buildtrace.summary.Severity;
import com.buildtrace.summary.SheetSummary;
import com.buildtrace.summary.SummarySource;
import com.buildtrace.summary.SummaryStore;
import com.buildtrace.summary.SummaryVersion;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what a notification says about a comparison: the comparison, its sheets and its current summary. */
@Component
class ComparisonDigests {

    private static final List<String> NAMED = List.of("changed", "added", "removed", "failed");

    private final JdbcClient jdbc;

    private final SummaryStore summaries;

    private final ApiProperties api;

    ComparisonDigests(JdbcClient jdbc, SummaryStore summaries, ApiProperties api) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.api = api;
    }

    /** The digest of a comparison of a project, if it exists. */
    Optional<ComparisonDigest> of(UUID comparison) {
        return jdbc.sql("""
                SELECT c.status, c.error, c.started_at, c.finished_at, c.old_uri, c.new_uri, p.name AS project,
                       os.name AS old_set, o.label AS old_label, ns.name AS new_set, n.label AS new_label
                FROM comparison c JOIN project p ON p.id = c.project_id
                LEFT JOIN revision o ON o.id = c.old_revision_id LEFT JOIN drawing_set os ON os.id = o.set_id
                LEFT JOIN revision n ON n.id = c.new_revision_id LEFT JOIN drawing_set ns ON ns.id = n.set_id
                WHERE c.id = ?""").param(comparison).query((rs, row) -> {
                    OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
                    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                    String set = rs.getString("new_set") != null ? rs.getString("new_set") : rs.getString("old_set");
                    return new Head(rs.getString("project"), set == null ? "Drawing set" : set,
                            label(rs.getString("old_label"), rs.getString("old_uri")),
                            label(rs.getString("new_label"), rs.getString("new_uri")),
                            "failed".equals(rs.getString("status")), rs.getString("error"),
                            started == null || finished == null ? null : Duration.between(started, finished));
                }).optional().map(head -> digest(comparison, head));
    }

    /** The project's comparison that ended last, if any (what a test notification shows). */
    Optional<UUID> latestEnded(UUID project) {
        return jdbc.sql("SELECT id FROM comparison WHERE project_id = ? AND status IN ('completed', 'failed') "
                + "ORDER BY finished_at DESC LIMIT 1").param(project).query(UUID.class).optional();
    }

    private ComparisonDigest digest(UUID comparison, Head head) {
        List<Row> rows = jdbc.sql("""
                SELECT label, status, error, jsonb_array_length(regions) AS regions, text_changes::text,
                       COALESCE(page->'newSheet'->>'title', page->'oldSheet'->>'title') AS title
                FROM sheet_pair_result WHERE comparison_id = ? ORDER BY task_index""").param(comparison)
                .query((rs, row) -> new Row(rs.getString("label"), rs.getString("title"), rs.getString("status"),
                        rs.getString("error"), rs.getInt("regions"),
                        JsonMapper.shared().readTree(rs.getString("text_changes")))).list();
        Map<String, Long> by = new java.util.HashMap<>();
        rows.forEach(r -> by.merge(r.status(), 1L, Long::sum));
        ComparisonDigest.Counts counts = new ComparisonDigest.Counts(count(by, "changed"), count(by, "unchanged"),
                count(by, "added"), count(by, "removed"), count(by, "failed"));
        List<ComparisonDigest.Sheet> sheets = rows.stream().filter(r -> NAMED.contains(r.status()))
                .sorted(Comparator.comparingInt((Row r) -> NAMED.indexOf(r.status()))
                        .thenComparing(Comparator.comparingInt(Row::changes).reversed()))
                .map(r -> new ComparisonDigest.Sheet(r.sheet(), r.title(), r.status(), switch (r.status()) {
                    case "changed" -> ComparisonDigest.plural(r.changes(), "change");
                    case "failed" -> r.error();
                    default -> null;
                })).toList();
        Optional<ChangeSummary> summary = summaries.current(comparison).map(SummaryVersion::summary);
        List<ComparisonDigest.Change> top = summary.map(ComparisonDigests::fromSummary)
                .filter(list -> !list.isEmpty()).orElseGet(() -> detected(rows));
        String overview = summary.filter(s -> s.kind() != SummarySource.DETERMINISTIC)
                .map(s -> s.set().overallSummary()).orElse(null);
        return new ComparisonDigest(comparison, head.project(), head.set(), head.oldLabel(), head.newLabel(),
                head.failed(), head.error(), head.duration(), counts, sheets, top, overview,
                api.link("#/comparisons/" + comparison).orElse(null));
    }

    /** The summary's changes of changed sheets, most severe first (sheet order within a severity). */
    private static List<ComparisonDigest.Change> fromSummary(ChangeSummary summary) {
        List<ComparisonDigest.Change> all = new ArrayList<>();
        for (SheetSummary sheet : summary.sheets()) {
            if (sheet.status().equals("changed")) {
                sheet.changes().forEach(c -> all.add(new ComparisonDigest.Change(sheet.sheet(), c.title(),
                        c.severity().json())));
            }
        }
        // a stable sort: within a severity, sheet order
        all.sort(Comparator.comparing((ComparisonDigest.Change c) -> Severity.valueOf(c.severity()
                .toUpperCase(Locale.ROOT))).reversed());
        return all;
    }

    /** Without a summary: the detected text changes (changed numbers first), then sheets by changed regions. */
    private static List<ComparisonDigest.Change> detected(List<Row> rows) {
        List<ComparisonDigest.Change> numbers = new ArrayList<>();
        List<ComparisonDigest.Change> words = new ArrayList<>();
        List<ComparisonDigest.Change> regions = new ArrayList<>();
        for (Row r : rows.stream().filter(r -> r.status().equals("changed"))
                .sorted(Comparator.comparingInt(Row::changes).reversed()).toList()) {
            for (JsonNode t : r.textChanges()) {
                String kind = t.path("kind").asString("").toLowerCase(Locale.ROOT);
                String old = t.path("oldText").asString(null);
                String now = t.path("newText").asString(null);
                String text = switch (kind) {
                    case "replaced" -> "Text changed: " + old + " → " + now;
                    case "added" -> "Text added: " + now;
                    default -> "Text removed: " + old;
                };
                boolean number = old != null && now != null && old.matches(".*\\d.*") && now.matches(".*\\d.*");
                (number ? numbers : words).add(new ComparisonDigest.Change(r.sheet(), text, null));
            }
            if (r.regions() > 0) {
                regions.add(new ComparisonDigest.Change(r.sheet(), ComparisonDigest.plural(r.regions(),
                        "changed area") + " in the drawing", null));
            }
        }
        List<ComparisonDigest.Change> top = new ArrayList<>(numbers);
        top.addAll(words);
        top.addAll(regions);
        return top.subList(0, Math.min(ComparisonDigest.TOP_CHANGES, top.size()));
    }

    private static int count(Map<String, Long> by, String status) {
        return by.getOrDefault(status, 0L).intValue();
    }

    /** A revision's label, or the file name of a comparison of files. */
    private static String label(String label, String uri) {
        if (label != null) {
            return label;
        }
        return uri == null ? "?" : uri.substring(uri.lastIndexOf('/') + 1);
    }

    private record Head(String project, String set, String oldLabel, String newLabel, boolean failed, String error,
                        Duration duration) {
    }

    private record Row(String sheet, String title, String status, String error, int regions, JsonNode textChanges) {

        int changes() {
            return regions + textChanges.size();
        }
    }
}
