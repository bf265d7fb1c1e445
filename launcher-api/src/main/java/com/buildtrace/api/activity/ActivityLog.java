package com.buildtrace.api.activity;

import com.buildtrace.api.drawingset.RevisionUploaded;
import com.buildtrace.api.system.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the activity log (table {@code activity}). */
@Component
public class ActivityLog {

    private final JdbcClient jdbc;

    ActivityLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the caller did something, with the address of the current request (if any).
     *
     * @param project the project it concerns, or null
     * @param action what, e.g. {@code member_added}
     * @param detail what it was done to
     */
    public void record(Caller caller, UUID project, String action, Map<String, ?> detail) {
        record(caller.userId(), project, action, detail);
    }

    /** As {@link #record(Caller, UUID, String, Map)}, for a user not yet a caller (signing in). */
    public void record(String userId, UUID project, String action, Map<String, ?> detail) {
        jdbc.sql("INSERT INTO activity (project_id, user_id, action, detail, ip) VALUES (?, ?, ?, ?::jsonb, ?)")
                .params(project, userId, action, JsonMapper.shared().writeValueAsString(detail), clientAddress())
                .update();
    }

    @EventListener
    void uploaded(RevisionUploaded e) {
        record(e.caller(), e.projectId(), "revision_uploaded", Map.of("revisionId", e.revisionId()));
    }

    /**
     * A project's activity, newest first.
     *
     * @param actions only entries of these actions; empty for all
     */
    public List<Activity> ofProject(UUID project, List<String> actions, int page, int size) {
        return jdbc.sql("""
                SELECT a.id, a.project_id, a.user_id, u.email, a.action, a.detail::text, a.ip, a.at
                FROM activity a LEFT JOIN app_user u ON u.id = a.user_id
                WHERE a.project_id = ? AND (cardinality(?::text[]) = 0 OR a.action = ANY(?::text[]))
                ORDER BY a.id DESC LIMIT ? OFFSET ?""")
                .params(project, actionArray(actions), actionArray(actions), size, (long) page * size)
                .query((rs, row) -> new Activity(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), JsonMapper.shared().readTree(rs.getString(6)),
                        rs.getString(7), rs.getObject(8, OffsetDateTime.class))).list();
    }

    /** How many entries of these actions (empty: of any) a project's activity has. */
    public long countOfProject(UUID project, List<String> actions) {
        return jdbc.sql("""
                SELECT count(*) FROM activity a
                WHERE a.project_id = ? AND (cardinality(?::text[]) = 0 OR a.action = ANY(?::text[]))""")
                .params(project, actionArray(actions), actionArray(actions)).query(Long.class).single();
    }

    private static String[] actionArray(List<String> actions) {
        return actions.toArray(String[]::new);
    }

    /** The address of the request being served, or null outside a request. */
    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest request = a.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
