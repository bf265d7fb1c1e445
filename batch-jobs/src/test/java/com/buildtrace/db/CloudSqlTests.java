package com.buildtrace.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

/**
 * The JDBC URL of the Cloud SQL Java connector made from the settings, read back by the PostgreSQL driver, and
 * the connector itself at work in the driver (no instance can be reached here: it stops at the credentials).
 */
class CloudSqlTests {

    private static final String INSTANCE = "acme-drawings:europe-west1:buildtrace-prod";

    @Test
    void aPasswordConnectionThroughTheConnector() {
        CloudSql cloudSql = new CloudSql(INSTANCE, null, null, null, null);

        assertThat(cloudSql.jdbcUrl()).isEqualTo("jdbc:postgresql:///buildtrace"
                + "?cloudSqlInstance=acme-drawings:europe-west1:buildtrace-prod"
                + "&socketFactory=com.google.cloud.sql.postgres.SocketFactory&sslmode=disable");
        assertThat(driverProperties(cloudSql)).containsEntry("PGDBNAME", "buildtrace")
                .containsEntry("cloudSqlInstance", INSTANCE)
                .containsEntry("socketFactory", "com.google.cloud.sql.postgres.SocketFactory")
                .containsEntry("sslmode", "disable")
                .doesNotContainKeys("enableIamAuth", "ipTypes", "unixSocketPath");
    }

    @Test
    void iamAuthenticationOnThePrivateIpOfAnotherDatabase() {
        CloudSql cloudSql = new CloudSql(INSTANCE, "drawings & sets", true, true, null);

        assertThat(driverProperties(cloudSql)).containsEntry("PGDBNAME", "drawings & sets")
                .containsEntry("cloudSqlInstance", INSTANCE)
                .containsEntry("enableIamAuth", "true")
                .containsEntry("ipTypes", "PRIVATE");
    }

    @Test
    void theUnixSocketThatCloudRunMountsForTheInstance() {
        CloudSql cloudSql = new CloudSql("example.com:acme:us-central1:bt", null, false, false,
                "/cloudsql/example.com:acme:us-central1:bt");

        assertThat(cloudSql.jdbcUrl()).contains("&unixSocketPath=/cloudsql/example.com:acme:us-central1:bt");
        assertThat(driverProperties(cloudSql)).containsEntry("cloudSqlInstance", "example.com:acme:us-central1:bt")
                .containsEntry("unixSocketPath", "/cloudsql/example.com:acme:us-central1:bt");
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithWhatToSet() {
        assertThatThrownBy(() -> new CloudSql("buildtrace-prod", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("buildtrace.db.cloud-sql.instance must be the instance connection name"
                        + " PROJECT:REGION:INSTANCE").hasMessageEndingWith("not 'buildtrace-prod'");
        assertThatThrownBy(() -> new CloudSql(" ", null, true, null, null))
                .hasMessageContaining("need buildtrace.db.cloud-sql.instance (BUILDTRACE_DB_CLOUDSQL_INSTANCE)");
        assertThatThrownBy(() -> new CloudSql(INSTANCE, null, true, null, "/cloudsql/" + INSTANCE))
                .hasMessageContaining("iam-auth and private-ip do not apply to it");
        assertThat(new CloudSql("", "", null, null, "").enabled()).isFalse();
    }

    @Test
    void theDriverOpensItsConnectionsThroughTheConnector() {
        // given credentials the connector is pointed at but cannot read (no Google Cloud here)
        Properties props = new Properties();
        props.setProperty("user", "buildtrace");
        props.setProperty("password", "secret");
        props.setProperty("cloudSqlGoogleCredentialsPath", "/nonexistent/buildtrace-sa.json");

        // when the driver connects with the URL made from the settings
        // then the connector's socket factory is what the driver used: it stops at loading those credentials
        assertThatThrownBy(() -> DriverManager.getConnection(new CloudSql(INSTANCE, null, null, null, null).jdbcUrl(),
                props)).isInstanceOf(SQLException.class)
                .rootCause().hasMessageContaining("/nonexistent/buildtrace-sa.json");
        assertThat(javax.net.SocketFactory.class).isAssignableFrom(socketFactoryClass());
    }

    private static Class<?> socketFactoryClass() {
        try {
            return Class.forName(CloudSql.SOCKET_FACTORY);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the Cloud SQL connector is not on the runtime classpath", e);
        }
    }

    private static Properties driverProperties(CloudSql cloudSql) {
        Properties parsed = Driver.parseURL(cloudSql.jdbcUrl(), new Properties());
        assertThat(parsed).as("the driver reads %s", cloudSql.jdbcUrl()).isNotNull();
        return parsed;
    }
}
