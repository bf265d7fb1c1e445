package com.buildtrace.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database of the quick start: an embedded PostgreSQL whose data outlives the process, that recovers
 * from a process killed while it ran, and that a second process running at the same time does not break.
 */
class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void keepsItsDataBetweenRunsAndStopsTheServerAKilledProcessLeftRunning() throws Exception {
        Path data = dir.resolve("pg");
        DatabaseProperties props = new DatabaseProperties(null, null, null, data, null);
        try (DatabaseServer first = DatabaseServer.start(props)) {
            execute(first, "CREATE TABLE kept (v int)", "INSERT INTO kept VALUES (42)");
        }

        // a process that starts the server and is killed (SIGKILL) leaves the postmaster running
        Process killed = ChildJvm.start(dir.resolve("child.log"), EmbeddedServerMain.class, data.toString());
        Instant deadline = Instant.now().plusSeconds(60);
        while (DatabaseServer.postmaster(data).isEmpty() || !Files.readString(dir.resolve("child.log")).contains("up")) {
            assertThat(Instant.now()).isBefore(deadline);
            assertThat(killed.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
            Thread.sleep(100);
        }
        killed.destroyForcibly();
        killed.waitFor();
        Optional<ProcessHandle> orphan = DatabaseServer.postmaster(data);
        assertThat(orphan).isPresent();

        // the next start shuts the orphan down and finds the data
        try (DatabaseServer again = DatabaseServer.start(props)) {
            assertThat(orphan.get().isAlive()).isFalse();
            assertThat(query(again, "SELECT v FROM kept")).isEqualTo(42);

            // a second process at the same time runs on a temporary database instead of failing
            try (DatabaseServer concurrent = DatabaseServer.start(props)) {
                assertThat(concurrent.jdbcUrl()).isNotEqualTo(again.jdbcUrl());
                execute(concurrent, "CREATE TABLE scratch (v int)");
            }
            assertThat(query(again, "SELECT count(*) FROM kept")).isEqualTo(1);
        }
    }

    private static void execute(DatabaseServer server, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static int query(DatabaseServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Starts the embedded server in a data folder, says "up" and waits to be killed. */
    public static final class EmbeddedServerMain {
        public static void main(String[] args) throws Exception {
            DatabaseServer.start(new DatabaseProperties(null, null, null, Path.of(args[0]), null));
            System.out.println("up");
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
