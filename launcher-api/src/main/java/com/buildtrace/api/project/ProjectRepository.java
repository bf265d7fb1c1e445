package com.buildtrace.api.project;

import com.buildtrace.api.system.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes projects, always within what the caller may see. */
@Repository
public class ProjectRepository {

    private static final String COLUMNS = "p.id, p.name, p.created_by, p.created_at, p.updated_at, "
            + "p.compare_on_upload, p.compare_schedule";

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Project create(Caller caller, String name, boolean compareOnUpload, String schedule) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO project (id, name, created_by, compare_on_upload, compare_schedule)
                VALUES (?, ?, ?, ?, ?)""").params(id, name, caller.userId(), compareOnUpload, schedule).update();
        return find(caller, id).orElseThrow();
    }

    /** The project, if the caller may see it. */
    public Optional<Project> find(Caller caller, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE p.id = ? AND " + ProjectAccess.VISIBLE)
                .params(id, caller.userId()).query(ProjectRepository::project).optional();
    }

    List<Project> list(Caller caller, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project p WHERE " + ProjectAccess.VISIBLE
                        + " ORDER BY p.created_at DESC, p.id LIMIT ? OFFSET ?")
                .params(caller.userId(), size, (long) page * size).query(ProjectRepository::project).list();
    }

    long count(Caller caller) {
        return jdbc.sql("SELECT count(*) FROM project p WHERE " + ProjectAccess.VISIBLE).param(caller.userId())
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
                SELECT id, created_by, compare_schedule, COALESCE(schedule_checked_at, updated_at) AS since
                FROM project WHERE deleted_at IS NULL AND compare_schedule IS NOT NULL""")
                .query((rs, row) -> new Scheduled(rs.getObject("id", UUID.class), new Caller(rs.getString("created_by")),
                        rs.getString("compare_schedule"), rs.getObject("since", OffsetDateTime.class))).list();
    }

    /** The schedule of a project was looked at up to this time. */
    public void scheduleChecked(UUID id, OffsetDateTime at) {
        jdbc.sql("UPDATE project SET schedule_checked_at = ? WHERE id = ?").params(at, id).update();
    }

    /**
     * A project with a comparison schedule.
     *
     * @param id the project
     * @param owner the user the scheduled comparisons are launched for
     * @param cron its schedule
     * @param since the schedule has been handled up to this time
     */
    public record Scheduled(UUID id, Caller owner, String cron, OffsetDateTime since) {
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getBoolean("compare_on_upload"), rs.getString("compare_schedule"));
    }
}
