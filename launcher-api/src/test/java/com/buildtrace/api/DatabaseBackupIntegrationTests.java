package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code infra/db/backup.sh} and {@code infra/db/restore.sh}, the scripts of the backup runbook, run against the
 * local PostgreSQL: a database made by the product's Flyway migrations, holding a project and a comparison, is
 * backed up and restored into a new database, which then holds the same rows and the same migration history.
 * The databases are named after BUILDTRACE_TEST_DB_NAME, so checkouts sharing the server do not collide.
 */
class DatabaseBackupIntegrationTests {

    static final Path SCRIPTS = Path.of("..", "infra", "db");

    private static final String SOURCE = databaseName() + "_backup";
    private static final String RESTORED = databaseName() + "_restored";

    private static final UUID PROJECT = UUID.fromString("6d1f1c2a-5d0e-4c53-9a52-0b6f4e1c7a01");
    private static final UUID COMPARISON = UUID.fromString("0c3b8e8e-2f4a-4e7e-8f7b-5b9d1d6a4c02");

    @TempDir
    Path dir;

    @BeforeAll
    static void aMigratedDatabaseWithAProjectAndAComparison() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + SOURCE + " WITH (FORCE)", "DROP DATABASE IF EXISTS " + RESTORED
                + " WITH (FORCE)", "CREATE DATABASE " + SOURCE);
        Flyway.configure().dataSource(url(SOURCE), TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").load().migrate();
        JdbcClient db = jdbc(SOURCE);
        db.sql("INSERT INTO project (id, name, created_by, compare_schedule) VALUES (?, ?, ?, ?)")
                .params(PROJECT, "Harbour Street offices", "ana@example.com", "0 0 6 * * MON-FRI").update();
        db.sql("""
                INSERT INTO comparison (id, old_uri, new_uri, out_uri, options, status, sheets_total, error, project_id)
                VALUES (?, ?, ?, ?, ?::jsonb, 'failed', 12, 'sheet A-101: worker lost', ?)""")
                .params(COMPARISON, "gs://bt/old", "gs://bt/new", "gs://bt/out", "{\"dpi\": 150}", PROJECT).update();
    }

    @AfterAll
    static void dropTheDatabases() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + SOURCE + " WITH (FORCE)", "DROP DATABASE IF EXISTS " + RESTORED
                + " WITH (FORCE)");
    }

    @Test
    void aBackupRestoredIntoANewDatabaseHoldsTheRowsAndTheMigrationHistory() throws Exception {
        // given a backup of the migrated database
        Path archive = dir.resolve("buildtrace.dump");
        long t0 = System.nanoTime();
        Result backup = run("backup.sh", SOURCE, archive.toString());
        long backupMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(backup.exit()).as(backup.out()).isZero();
        long bytes = Files.size(archive);
        assertThat(backup.out().strip()).matches("backup: " + SOURCE + " on 127\\.0\\.0\\.1:5432 -> " + archive
                + " \\(" + bytes + " bytes, \\d+ s\\)");
        assertThat(Files.exists(Path.of(archive + ".partial"))).isFalse();
        // a custom-format archive starts with PGDMP
        assertThat(new String(Files.readAllBytes(archive), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("PGDMP");

        // when it is restored into a database that does not exist yet
        long t1 = System.nanoTime();
        Result restore = run("restore.sh", SOURCE, archive.toString(), RESTORED);
        long restoreMillis = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("backup of the migrated database: %d bytes in %d ms; restore: %d ms%n", bytes,
                backupMillis, restoreMillis);

        // then it holds the project, the comparison and Flyway's history of every migration
        assertThat(restore.exit()).as(restore.out()).isZero();
        String latest = history(SOURCE).get(history(SOURCE).size() - 1).get("version").toString();
        assertThat(restore.out().strip()).matches("restore: " + archive + " -> " + RESTORED
                + " on 127\\.0\\.0\\.1:5432 \\(\\d+ tables, Flyway at version " + latest + ", \\d+ s\\)");
        JdbcClient restored = jdbc(RESTORED);
        assertThat(restored.sql("SELECT name, created_by, compare_schedule FROM project WHERE id = ?").param(PROJECT)
                .query().singleRow()).containsEntry("name", "Harbour Street offices")
                .containsEntry("created_by", "ana@example.com").containsEntry("compare_schedule", "0 0 6 * * MON-FRI");
        assertThat(restored.sql("SELECT status, sheets_total, error, project_id, options->>'dpi' AS dpi FROM comparison"
                + " WHERE id = ?").param(COMPARISON).query().singleRow()).containsEntry("status", "failed")
                .containsEntry("sheets_total", 12).containsEntry("error", "sheet A-101: worker lost")
                .containsEntry("project_id", PROJECT).containsEntry("dpi", "150");
        assertThat(history(RESTORED)).isEqualTo(history(SOURCE)).hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(m -> assertThat(m).containsEntry("success", true));
        assertThat(tables(RESTORED)).isEqualTo(tables(SOURCE));

        // and Flyway sees the restored database as up to date: nothing to migrate, checksums valid
        Flyway flyway = Flyway.configure().dataSource(url(RESTORED), TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").load();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void restoringOverADatabaseReplacesWhatChangedSinceTheBackup() throws Exception {
        Path archive = dir.resolve("before.dump");
        assertThat(run("backup.sh", SOURCE, archive.toString()).exit()).isZero();
        assertThat(run("restore.sh", SOURCE, archive.toString(), RESTORED).exit()).isZero();

        // given the restored database changed afterwards: a comparison deleted, a project added
        JdbcClient restored = jdbc(RESTORED);
        restored.sql("DELETE FROM comparison WHERE id = ?").param(COMPARISON).update();
        restored.sql("INSERT INTO project (id, name, created_by) VALUES (?, 'Later', 'bo@example.com')")
                .param(UUID.randomUUID()).update();

        // when the same backup is restored over it
        Result again = run("restore.sh", SOURCE, archive.toString(), RESTORED);

        // then it is as backed up again
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(restored.sql("SELECT id FROM project").query(UUID.class).list()).containsExactly(PROJECT);
        assertThat(restored.sql("SELECT id FROM comparison").query(UUID.class).list()).containsExactly(COMPARISON);
    }

    @Test
    void failuresSayWhatWentWrongAndLeaveNoPartialFile() throws Exception {
        // an unreachable server: pg_dump's reason, and no archive
        Path archive = dir.resolve("unreachable.dump");
        Result unreachable = run(Map.of("BUILDTRACE_DB_URL", "jdbc:postgresql://127.0.0.1:1/" + SOURCE),
                "backup.sh", archive.toString());
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.out()).startsWith("backup.sh: pg_dump of " + SOURCE + " on 127.0.0.1:1 failed: ")
                .contains("Connection refused");
        assertThat(dir).isEmptyDirectory();

        // an existing archive is never overwritten
        Path kept = Files.writeString(dir.resolve("kept.dump"), "an earlier backup");
        Result exists = run("backup.sh", SOURCE, kept.toString());
        assertThat(exists.exit()).isEqualTo(1);
        assertThat(exists.out().strip()).isEqualTo("backup.sh: " + kept + " exists; choose a new file name"
                + " (backups are never overwritten)");
        assertThat(Files.readString(kept)).isEqualTo("an earlier backup");

        // a file that is not an archive is refused before the database is touched
        Result notAnArchive = run("restore.sh", SOURCE, kept.toString(), RESTORED);
        assertThat(notAnArchive.exit()).isEqualTo(1);
        assertThat(notAnArchive.out().strip()).isEqualTo("restore.sh: " + kept
                + " is not a pg_dump archive of the custom format (made by backup.sh)");

        // a Cloud SQL connector address cannot be used by pg_dump
        Result connector = run(Map.of("BUILDTRACE_DB_URL", "jdbc:postgresql:///buildtrace?cloudSqlInstance=p:r:i"
                + "&socketFactory=com.google.cloud.sql.postgres.SocketFactory"), "backup.sh",
                dir.resolve("x.dump").toString());
        assertThat(connector.exit()).isEqualTo(1);
        assertThat(connector.out()).contains("uses the Cloud SQL connector").contains("Cloud SQL Auth Proxy");
        Result cloudSql = run(Map.of("BUILDTRACE_DB_CLOUDSQL_INSTANCE", "acme:europe-west1:bt"), "backup.sh",
                dir.resolve("x.dump").toString());
        assertThat(cloudSql.exit()).isEqualTo(1);
        assertThat(cloudSql.out()).contains("uses the Cloud SQL connector")
                .contains("cloud-sql-proxy --port=5432 acme:europe-west1:bt");
        assertThat(dir.resolve("x.dump")).doesNotExist();
    }

    private record Result(int exit, String out) {
    }

    private static Result run(String script, String database, String... args) throws Exception {
        return run(Map.of("BUILDTRACE_DB_URL", url(database)), script, args);
    }

    private static Result run(Map<String, String> env, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("BUILDTRACE_DB_"));
        pb.environment().put("BUILDTRACE_DB_USER", TestDatabase.user());
        pb.environment().put("BUILDTRACE_DB_PASSWORD", TestDatabase.password());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static List<Map<String, Object>> history(String database) {
        return jdbc(database).sql("SELECT installed_rank, version, description, checksum, success"
                + " FROM flyway_schema_history ORDER BY installed_rank").query().listOfRows();
    }

    private static List<String> tables(String database) {
        return jdbc(database).sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " ORDER BY table_name").query(String.class).list();
    }

    private static JdbcClient jdbc(String database) {
        return JdbcClient.create(new DriverManagerDataSource(url(database), TestDatabase.user(),
                TestDatabase.password()));
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), TestDatabase.user(), TestDatabase.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String databaseName() {
        String url = TestDatabase.url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String url(String database) {
        String url = TestDatabase.url();
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }
}
