package com.buildtrace.db;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A Cloud SQL for PostgreSQL instance reached through the Cloud SQL Java connector ({@code buildtrace.db.cloud-sql.*},
 * environment BUILDTRACE_DB_CLOUDSQL_*): the PostgreSQL driver opens each connection through the connector's socket
 * factory, which asks the Cloud SQL Admin API for the instance's address and a short-lived client certificate with
 * the application default credentials (a Kubernetes or Cloud Run service account), and connects over TLS. No
 * authorised networks, no server certificates to manage, no proxy to run.
 *
 * @param instance the instance connection name, {@code PROJECT:REGION:INSTANCE}; empty: Cloud SQL is not used
 * @param database the database on the instance (default {@code buildtrace})
 * @param iamAuth IAM database authentication: the user is an IAM principal signed in with its access token, there
 *     is no password (default false: the user's password)
 * @param privateIp connect to the instance's private IP only (the process must be on its VPC); default false: its
 *     public IP, else its private one
 * @param unixSocket the Unix socket of a proxy that serves the instance, such as the
 *     {@code /cloudsql/PROJECT:REGION:INSTANCE} that Cloud Run mounts for the
 *     {@code run.googleapis.com/cloudsql-instances} annotation: the connector connects there instead (the
 *     proxy chooses the IP; a password, not IAM database authentication)
 */
public record CloudSql(String instance, String database, Boolean iamAuth, Boolean privateIp, String unixSocket) {

    /** No Cloud SQL connector. */
    static final CloudSql NONE = new CloudSql(null, null, null, null, null);

    /** The connector's socket factory for the PostgreSQL driver (postgres-socket-factory). */
    public static final String SOCKET_FACTORY = "com.google.cloud.sql.postgres.SocketFactory";

    /** What the driver is given as the password with IAM database authentication (the connector ignores it). */
    static final String IAM_PASSWORD_PLACEHOLDER = "cloud-sql-iam-authentication";

    /** PROJECT:REGION:INSTANCE, the project possibly domain-scoped (example.com:project). */
    private static final Pattern CONNECTION_NAME =
            Pattern.compile("([a-z0-9.-]+:)?[a-z][a-z0-9-]*:[a-z0-9-]+:[a-z0-9][a-z0-9-]*");

    public CloudSql {
        instance = DatabaseProperties.orNull(instance);
        database = database == null || database.isBlank() ? "buildtrace" : database;
        iamAuth = Boolean.TRUE.equals(iamAuth);
        privateIp = Boolean.TRUE.equals(privateIp);
        unixSocket = DatabaseProperties.orNull(unixSocket);
        if (instance == null) {
            if (iamAuth || privateIp || unixSocket != null) {
                throw new IllegalArgumentException("buildtrace.db.cloud-sql.iam-auth, private-ip and unix-socket need"
                        + " buildtrace.db.cloud-sql.instance (BUILDTRACE_DB_CLOUDSQL_INSTANCE), PROJECT:REGION:INSTANCE");
            }
        } else if (!CONNECTION_NAME.matcher(instance).matches()) {
            throw new IllegalArgumentException("buildtrace.db.cloud-sql.instance must be the instance connection name"
                    + " PROJECT:REGION:INSTANCE (gcloud sql instances describe NAME --format='value(connectionName)'),"
                    + " not '" + instance + "'");
        }
        if (unixSocket != null && (iamAuth || privateIp)) {
            throw new IllegalArgumentException("buildtrace.db.cloud-sql.unix-socket connects through the proxy that"
                    + " serves the socket, which chooses the IP and signs in with the password: iam-auth and private-ip"
                    + " do not apply to it");
        }
    }

    /** True when an instance is set. */
    public boolean enabled() {
        return instance != null;
    }

    /**
     * The driver's URL: {@code jdbc:postgresql:///DATABASE?cloudSqlInstance=...&socketFactory=...} with
     * {@code enableIamAuth=true}, {@code ipTypes=PRIVATE} or {@code unixSocketPath=...} as set, and
     * {@code sslmode=disable}.
     */
    public String jdbcUrl() {
        if (!enabled()) {
            throw new IllegalStateException("no Cloud SQL instance is set");
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        query.add("cloudSqlInstance=" + encode(instance));
        query.add("socketFactory=" + SOCKET_FACTORY);
        if (iamAuth) {
            query.add("enableIamAuth=true");
        }
        if (privateIp) {
            query.add("ipTypes=PRIVATE");
        }
        if (unixSocket != null) {
            query.add("unixSocketPath=" + encode(unixSocket));
        }
        // the connector's TLS (or the proxy's socket) carries the connection: the driver's own TLS would be asked for
        // inside it in vain, one round trip per connection
        query.add("sslmode=disable");
        return "jdbc:postgresql:///" + encode(database) + query;
    }

    /** URL-encoded, but for ':' and '/', which the driver takes as they are (and a person reads more easily). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3A", ":").replace("%2F", "/");
    }
}
