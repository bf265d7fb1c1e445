package com.buildtrace.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where the job repository and the comparison records live ({@code buildtrace.db.*}; the environment
 * variables BUILDTRACE_DB_URL, BUILDTRACE_DB_USER, BUILDTRACE_DB_PASSWORD and BUILDTRACE_DB_CLOUDSQL_* set them):
 * an external PostgreSQL by its JDBC URL, a Cloud SQL for PostgreSQL instance through the Cloud SQL Java
 * connector, or else the embedded PostgreSQL.
 *
 * @param url JDBC URL of an external PostgreSQL; empty for Cloud SQL through the connector or the embedded one
 * @param user database user; with IAM database authentication, the IAM principal (a service account's e-mail
 *     address without {@code .gserviceaccount.com})
 * @param password database password; none with IAM database authentication
 * @param embeddedDir data folder of the embedded PostgreSQL (kept between runs: history and restarts)
 * @param cloudSql Cloud SQL for PostgreSQL through the Cloud SQL Java connector, instead of {@code url}
 */
@ConfigurationProperties("buildtrace.db")
public record DatabaseProperties(String url, String user, String password, Path embeddedDir, CloudSql cloudSql) {

    public DatabaseProperties {
        url = orNull(url);
        if (cloudSql == null) {
            cloudSql = CloudSql.NONE;
        }
        if (embeddedDir == null) {
            embeddedDir = Path.of(System.getProperty("user.home"), ".buildtrace", "postgres");
        }
        if (cloudSql.enabled() && url != null) {
            throw new IllegalArgumentException("buildtrace.db.url (BUILDTRACE_DB_URL) and buildtrace.db.cloud-sql.instance"
                    + " (BUILDTRACE_DB_CLOUDSQL_INSTANCE) are both set: set one (the Cloud SQL connector's URL is made"
                    + " from the cloud-sql settings)");
        }
        if (cloudSql.iamAuth()) {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("buildtrace.db.user (BUILDTRACE_DB_USER) must name the IAM principal"
                        + " with IAM database authentication (a service account: NAME@PROJECT.iam)");
            }
            if (password != null && !password.isBlank()) {
                throw new IllegalArgumentException("buildtrace.db.password (BUILDTRACE_DB_PASSWORD) is not used with IAM"
                        + " database authentication (buildtrace.db.cloud-sql.iam-auth): unset it");
            }
        }
        if (user == null || user.isBlank()) {
            user = "postgres";
        }
    }

    /** The settings of an environment (and its system properties and variables), as the application binds them. */
    public static DatabaseProperties of(Environment environment) {
        return Binder.get(environment).bind("buildtrace.db", DatabaseProperties.class)
                .orElseGet(() -> new DatabaseProperties(null, null, null, null, null));
    }

    /** True when no external database is configured. */
    public boolean embedded() {
        return url == null && !cloudSql.enabled();
    }

    /** The JDBC URL to connect with: {@link #url()}, or the Cloud SQL connector's; null for the embedded server. */
    public String jdbcUrl() {
        return cloudSql.enabled() ? cloudSql.jdbcUrl() : url;
    }

    /**
     * The password to connect with. With IAM database authentication the connector signs in with an access token
     * and ignores the password, but the driver refuses to go on without one when the server asks: a placeholder.
     */
    public String jdbcPassword() {
        return cloudSql.iamAuth() ? CloudSql.IAM_PASSWORD_PLACEHOLDER : password;
    }

    static String orNull(String setting) {
        return setting == null || setting.isBlank() ? null : setting;
    }
}
