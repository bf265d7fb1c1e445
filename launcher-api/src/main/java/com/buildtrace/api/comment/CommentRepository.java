package com.buildtrace.api.comment;

import com.buildtrace.api.project.ProjectAccess;
import com.buildtrace.api.system.Caller;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes comments, within the projects the caller may see. */
@Repository
class CommentRepository {

    private static final String COLUMNS = "k.id, k.comparison_id, k.project_id, k.task_index, k.region_id, k.author, "
            + "k.body, k.mentions, k.created_at, k.updated_at";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID comparison, UUID project, Integer sheet, String region, String author, String body,
                List<String> mentions) {
        jdbc.sql("""
                INSERT INTO comparison_comment (id, comparison_id, project_id, task_index, region_id, author, body,
                                                mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, comparison, project, sheet, region, author, body, mentions.toArray(String[]::new)).update();
    }

    /** A comment the caller may see, with its project. */
    Optional<Located> find(Caller caller, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comparison_comment k JOIN project p ON p.id = k.project_id "
                        + "WHERE k.id = ? AND k.deleted_at IS NULL AND " + ProjectAccess.VISIBLE)
                .params(id, caller.principal())
                .query((rs, row) -> new Located(comment(rs), rs.getObject("project_id", UUID.class))).optional();
    }

    /** The comments of a comparison, oldest first, optionally of one sheet (and one region). */
    List<Comment> list(UUID comparison, Integer sheet, String region) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comparison_comment k WHERE k.comparison_id = ? "
                        + "AND k.deleted_at IS NULL AND (CAST(? AS integer) IS NULL OR k.task_index = ?) "
                        + "AND (CAST(? AS text) IS NULL OR k.region_id = ?) ORDER BY k.created_at, k.id")
                .params(comparison, sheet, sheet, region, region).query((rs, row) -> comment(rs)).list();
    }

    void update(UUID id, String body, List<String> mentions) {
        jdbc.sql("UPDATE comparison_comment SET body = ?, mentions = ?, updated_at = now() WHERE id = ?")
                .params(body, mentions.toArray(String[]::new), id).update();
    }

    void delete(UUID id) {
        jdbc.sql("UPDATE comparison_comment SET deleted_at = now() WHERE id = ?").param(id).update();
    }

    /**
     * A comment and the project it belongs to.
     *
     * @param comment the comment
     * @param projectId its project
     */
    record Located(Comment comment, UUID projectId) {
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        Array mentions = rs.getArray("mentions");
        return new Comment(rs.getObject("id", UUID.class), rs.getObject("comparison_id", UUID.class),
                (Integer) rs.getObject("task_index"), rs.getString("region_id"), rs.getString("author"),
                rs.getString("body"), mentions == null ? List.of() : Arrays.asList((String[]) mentions.getArray()),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
