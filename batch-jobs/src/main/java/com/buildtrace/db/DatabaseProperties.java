package com.buildtrace.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the job repository and the comparison records live ({@code buildtrace.db.*}; the environment
 * variables BUILDTRACE_DB_URL, BUILDTRACE_DB_USER and BUILDTRACE_DB_PASSWORD set them).
 *
 * @param url JDBC URL of an external PostgreSQL; empty for the embedded one
 * @param user database user
 * @param password database password
 * @param embeddedDir data folder of the embedded PostgreSQL (kept between runs: history and restarts)
 */
@ConfigurationProperties("buildtrace.db")
public record DatabaseProperties(String url, String user, String password, Path embeddedDir) {

    public DatabaseProperties {
        if (embeddedDir == null) {
            embeddedDir = Path.of(System.getProperty("user.home"), ".buildtrace", "postgres");
        }
        if (user == null || user.isBlank()) {
            user = "postgres";
        }
    }

    /** True when no external database is configured. */
    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
