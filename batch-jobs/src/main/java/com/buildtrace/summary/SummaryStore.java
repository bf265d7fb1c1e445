package com.buildtrace.summary;

import com.buildtrace.ai.TokenUsage;
import com.buildtrace.metrics.BuildTraceMetrics;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary history of comparisons (table comparison_summary). The current summary is the latest version
 * that did not fail; it is also kept in {@code comparison.summary}.
 */
@Repository
public class SummaryStore {

    private static final String COLUMNS = """
            comparison_id, version, kind, status, summary::text AS summary, model, requests, input_tokens,
            output_tokens, cost_usd, error, based_on_version, created_by, created_at""";

    private final JdbcClient jdbc;

    private final BuildTraceMetrics metrics;

    public SummaryStore(JdbcClient jdbc, BuildTraceMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /**
     * Records a new version (the next number for the comparison; concurrent writers wait for each other) and,
     * unless it failed, makes it the current summary.
     */
    @Transactional("transactionManager")
    public SummaryVersion add(UUID id, SummaryStatus status, SummarySource kind, ChangeSummary summary, String model,
                              TokenUsage usage, String error, Integer basedOnVersion, String createdBy) {
        jdbc.sql("SELECT id FROM comparison WHERE id = ? FOR UPDATE").param(id).query(UUID.class).single();
        String json = summary == null ? null : SummaryJson.write(summary);
        SummaryVersion v = jdbc.sql("""
                INSERT INTO comparison_summary (comparison_id, version, kind, status, summary, model, requests,
                    input_tokens, output_tokens, cost_usd, error, based_on_version, created_by)
                SELECT ?, COALESCE(max(version), 0) + 1, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?
                FROM comparison_summary WHERE comparison_id = ?
                RETURNING\s""" + COLUMNS)
                .params(id, kind.json(), status.json(), json, model, usage.requests(), usage.inputTokens(),
                        usage.outputTokens(), BigDecimal.valueOf(usage.estimatedCostUsd()), error, basedOnVersion,
                        createdBy, id)
                .query(SummaryStore::version).single();
        if (summary != null) {
            jdbc.sql("UPDATE comparison SET summary = ?::jsonb WHERE id = ?").params(json, id).update();
        }
        // spent whether or not this transaction commits
        metrics.aiUsage("summary", usage);
        return v;
    }

    /** The current summary: the latest version that did not fail. */
    public Optional<SummaryVersion> current(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comparison_summary WHERE comparison_id = ? AND status <> 'failed'"
                + " ORDER BY version DESC LIMIT 1").param(id).query(SummaryStore::version).optional();
    }

    /** Every version, newest first. */
    public List<SummaryVersion> history(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comparison_summary WHERE comparison_id = ? ORDER BY version DESC")
                .param(id).query(SummaryStore::version).list();
    }

    /** What the comparison's AI use (summaries and chat) has spent so far. */
    public TokenUsage spent(UUID id) {
        return jdbc.sql("SELECT input_tokens, output_tokens, cost_usd FROM comparison_ai_usage WHERE comparison_id = ?")
                .param(id).query((rs, row) -> new TokenUsage(0, rs.getLong(1), rs.getLong(2),
                        rs.getBigDecimal(3).doubleValue())).optional().orElse(TokenUsage.NONE);
    }

    private static SummaryVersion version(ResultSet rs, int row) throws SQLException {
        String json = rs.getString("summary");
        return new SummaryVersion(rs.getObject("comparison_id", UUID.class), rs.getInt("version"),
                SummarySource.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                SummaryStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                json == null ? null : SummaryJson.read(json), rs.getString("model"),
                new TokenUsage(rs.getInt("requests"), rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                        rs.getBigDecimal("cost_usd").doubleValue()),
                rs.getString("error"), (Integer) rs.getObject("based_on_version"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
