package com.buildtrace.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL that tests run against: the one on 127.0.0.1:5432 (BUILDTRACE_TEST_DB_URL overrides), in a
 * database of their own that each test JVM creates afresh. {@link #use()} also points the application at it
 * (system properties buildtrace.db.*), so command-line runs inside the test JVM use it too.
 */
public final class TestDatabase {

    private static final String SERVER = System.getenv().getOrDefault("BUILDTRACE_TEST_DB_SERVER",
            "jdbc:postgresql://127.0.0.1:5432/");

    /** BUILDTRACE_TEST_DB_NAME lets test runs of two checkouts share the server without sharing a database. */
    private static final String NAME = System.getenv().getOrDefault("BUILDTRACE_TEST_DB_NAME", "buildtrace_test");

    private static final String USER = System.getenv().getOrDefault("BUILDTRACE_TEST_DB_USER", "postgres");

    private static final String PASSWORD = System.getenv().getOrDefault("BUILDTRACE_TEST_DB_PASSWORD", "");

    private static boolean created;

    private TestDatabase() {
    }

    /** Creates the test database (once per JVM, dropping what an earlier run left) and points the application at it. */
    public static synchronized String use() {
        if (!created) {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + NAME);
            } catch (SQLException e) {
                throw new IllegalStateException("tests need PostgreSQL at " + SERVER + " (user " + USER
                        + "); start it, e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start: "
                        + e.getMessage(), e);
            }
            created = true;
        }
        System.setProperty("buildtrace.db.url", url());
        System.setProperty("buildtrace.db.user", USER);
        System.setProperty("buildtrace.db.password", PASSWORD);
        return url();
    }

    /** Plain JDBC access to the test database, for checking what the application wrote. */
    public static org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return org.springframework.jdbc.core.simple.JdbcClient.create(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(use(), USER, PASSWORD));
    }

    /** Points a Spring test's application at the test database. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("buildtrace.db.url", TestDatabase::use);
        registry.add("buildtrace.db.user", TestDatabase::user);
        registry.add("buildtrace.db.password", TestDatabase::password);
    }

    public static String url() {
        return SERVER + NAME;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }
}
