package com.buildtrace.chat;

import com.buildtrace.ai.TokenUsage;
import com.buildtrace.comparison.ComparisonJson;
import com.buildtrace.metrics.BuildTraceMetrics;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** The chat messages of comparisons, per user (table chat_message). */
@Repository
public class ChatStore {

    private final JdbcClient jdbc;

    private final BuildTraceMetrics metrics;

    public ChatStore(JdbcClient jdbc, BuildTraceMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** A question and its answer, stored together. */
    @Transactional("transactionManager")
    public List<ChatMessage> saveTurn(ChatMessage question, ChatMessage answer) {
        List<ChatMessage> saved = List.of(save(question), save(answer));
        metrics.aiUsage("chat", answer.usage());
        return saved;
    }

    private ChatMessage save(ChatMessage m) {
        return jdbc.sql("""
                INSERT INTO chat_message (comparison_id, user_id, role, content, cited_sheets, cited_regions, model,
                    input_tokens, output_tokens, cost_usd)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                RETURNING id, comparison_id, user_id, role, content, cited_sheets::text AS cited_sheets,
                    cited_regions::text AS cited_regions, model, input_tokens, output_tokens, cost_usd, created_at""")
                .params(m.comparisonId(), m.userId(), m.role().json(), m.content(),
                        ComparisonJson.write(m.citedSheets()), ComparisonJson.write(m.citedRegions()), m.model(),
                        m.usage().inputTokens(), m.usage().outputTokens(),
                        BigDecimal.valueOf(m.usage().estimatedCostUsd()))
                .query(ChatStore::message).single();
    }

    /** A user's messages about a comparison, oldest first. */
    public List<ChatMessage> history(UUID comparisonId, String userId) {
        return jdbc.sql("""
                SELECT id, comparison_id, user_id, role, content, cited_sheets::text AS cited_sheets,
                       cited_regions::text AS cited_regions, model, input_tokens, output_tokens, cost_usd, created_at
                FROM chat_message WHERE comparison_id = ? AND user_id = ? ORDER BY id""")
                .params(comparisonId, userId).query(ChatStore::message).list();
    }

    private static ChatMessage message(ResultSet rs, int row) throws SQLException {
        ChatMessage.Role role = ChatMessage.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT));
        long in = rs.getLong("input_tokens");
        long out = rs.getLong("output_tokens");
        TokenUsage usage = role == ChatMessage.Role.ASSISTANT
                ? new TokenUsage(1, in, out, rs.getBigDecimal("cost_usd").doubleValue()) : TokenUsage.NONE;
        return new ChatMessage(rs.getLong("id"), rs.getObject("comparison_id", UUID.class), rs.getString("user_id"),
                role, rs.getString("content"),
                ComparisonJson.MAPPER.readValue(rs.getString("cited_sheets"), new TypeReference<List<String>>() { }),
                ComparisonJson.MAPPER.readValue(rs.getString("cited_regions"),
                        new TypeReference<List<RegionRef>>() { }),
                rs.getString("model"), usage, rs.getObject("created_at", OffsetDateTime.class));
    }
}
