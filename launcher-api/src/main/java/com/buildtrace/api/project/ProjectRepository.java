package com.buildtrace.api.project;

import com.buildtrace.api.system.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and writes projects, always within what the caller may see. */
@Repository
public class ProjectRepository {

    /** A project's columns and the caller's role in it (the principal is the first parameter). */
    private static final String COLUMNS = "p.id, p.name, p.created_by, p.created_at, p.updated_at, "
            + "p.compare_on_upload, p.compare_schedule, "
            + "(SELECT r.role FROM project_principal r WHERE r.project_id = p.id AND r.principal = ?) AS role";

    /** The user scheduled comparisons run as: the creator while an owner, else the longest-standing owner. */
    private static final String SCHEDULE_OWNER = """
            (SELECT m.user_id FROM project_member m WHERE m.project_id = p.id AND m.role = 'owner'
             ORDER BY (m.user_id = p.created_by) DESC, m.added_at LIMIT 1)""";

    private final JdbcClient jdbc;

    private final TransactionTemplate tx;

    ProjectRepository(JdbcClient jdbc, @Qualifier("transactionManager") PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
    }

    /** A new project, the caller its owner. */
    public Project create(Caller caller, String name, boolean compareOnUpload, String schedule) {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO project (id, name, created_by, compare_on_upload, compare_schedule)
                    VALUES (?, ?, ?, ?, ?)""").params(id, name, caller.userId(), compareOnUpload, schedule).update();
            jdbc.sql("INSERT INTO project_member (project_id, user_id, role, added_by) VALUES (?, ?, 'owner', ?)")
                    .params(id, caller.userId(), caller.userId()).update();
        });
        return find(caller, id).orElseThrow();
    }

    /** The project, if the caller may see it. */
    public Optional<Project> find(Caller caller, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE p.id = ? AND " + ProjectAccess.VISIBLE)
                .params(caller.principal(), id, caller.principal()).query(ProjectRepository::project).optional();
    }

    List<Project> list(Caller caller, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE " + ProjectAccess.VISIBLE
                        + " ORDER BY p.created_at DESC, p.id LIMIT ? OFFSET ?")
                .params(caller.principal(), caller.principal(), size, (long) page * size).query(ProjectRepository::project).list();
    }

    long count(Caller caller) {
        return jdbc.sql("SELECT count(*) FROM project p WHERE " + ProjectAccess.VISIBLE).param(caller.principal())
                .query(Long.class).single();
    }

    void update(UUID id, String name, boolean compareOnUpload, String schedule) {
        jdbc.sql("""
                UPDATE project SET name = ?, compare_on_upload = ?, compare_schedule = ?, updated_at = now(),
                       schedule_checked_at = CASE WHEN compare_schedule IS DISTINCT FROM ? THEN now()
                                                  ELSE schedule_checked_at END
                WHERE id = ?""").params(name, compareOnUpload, schedule, schedule, id).update();
    }

    void softDelete(UUID id) {
        jdbc.sql("UPDATE project SET deleted_at = now(), updated_at = now() WHERE id = ?").param(id).update();
    }

    /** Projects with a comparison schedule (of any user; for the scheduler), with when they were last checked. */
    public List<Scheduled> scheduled() {
        return jdbc.sql("""
                SELECT p.id, p.compare_schedule, COALESCE(p.schedule_checked_at, p.updated_at) AS since,
                       %s AS owner
                FROM project p WHERE p.deleted_at IS NULL AND p.compare_schedule IS NOT NULL""".formatted(SCHEDULE_OWNER))
                .query(ProjectRepository::scheduledRow).list().stream().filter(s -> s.owner() != null).toList();
    }

    /** The project's schedule, locked for this transaction; empty while another process holds it. */
    public Optional<Scheduled> lockScheduled(UUID id) {
        return jdbc.sql("""
                SELECT p.id, p.compare_schedule, COALESCE(p.schedule_checked_at, p.updated_at) AS since,
                       %s AS owner
                FROM project p WHERE p.id = ? AND p.deleted_at IS NULL AND p.compare_schedule IS NOT NULL
                FOR UPDATE OF p SKIP LOCKED""".formatted(SCHEDULE_OWNER))
                .param(id).query(ProjectRepository::scheduledRow).optional().filter(s -> s.owner() != null);
    }

    private static Scheduled scheduledRow(ResultSet rs, int row) throws SQLException {
        String owner = rs.getString("owner");
        return new Scheduled(rs.getObject("id", UUID.class), owner == null ? null : new Caller(owner),
                rs.getString("compare_schedule"), rs.getObject("since", OffsetDateTime.class));
    }

    /** The schedule of a project was looked at up to this time. */
    public void scheduleChecked(UUID id, OffsetDateTime at) {
        jdbc.sql("UPDATE project SET schedule_checked_at = ? WHERE id = ?").params(at, id).update();
    }

    /**
     * A project with a comparison schedule.
     *
     * @param id the project
     * @param owner the user the scheduled comparisons are launched as: the creator while an owner, else the
     *     longest-standing owner
     * @param cron its schedule
     * @param since the schedule has been handled up to this time
     */
    public record Scheduled(UUID id, Caller owner, String cron, OffsetDateTime since) {
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getBoolean("compare_on_upload"), rs.getString("compare_schedule"), rs.getString("role"));
    }
}
