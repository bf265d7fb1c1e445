package com.buildtrace.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildtrace.testing.ContainerEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database settings as the manifests give them (environment variables BUILDTRACE_DB_*), bound as the
 * application binds them: an external URL, Cloud SQL through the connector, or the embedded server.
 */
class DatabasePropertiesTests {

    @Test
    void cloudSqlThroughTheConnectorFromTheEnvironmentVariablesOfTheManifests() {
        DatabaseProperties db = bind(Map.of("BUILDTRACE_DB_CLOUDSQL_INSTANCE", "acme:europe-west1:bt",
                "BUILDTRACE_DB_CLOUDSQL_PRIVATEIP", "true", "BUILDTRACE_DB_USER", "buildtrace",
                "BUILDTRACE_DB_PASSWORD", "secret"));

        assertThat(db.embedded()).isFalse();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql:///buildtrace?cloudSqlInstance=acme:europe-west1:bt"
                + "&socketFactory=com.google.cloud.sql.postgres.SocketFactory&ipTypes=PRIVATE&sslmode=disable");
        assertThat(db.user()).isEqualTo("buildtrace");
        assertThat(db.jdbcPassword()).isEqualTo("secret");
    }

    @Test
    void iamDatabaseAuthenticationSignsInAsTheServiceAccountWithoutAPassword() {
        DatabaseProperties db = bind(Map.of("BUILDTRACE_DB_CLOUDSQL_INSTANCE", "acme:europe-west1:bt",
                "BUILDTRACE_DB_CLOUDSQL_IAMAUTH", "true", "BUILDTRACE_DB_CLOUDSQL_DATABASE", "drawings",
                "BUILDTRACE_DB_USER", "buildtrace-api@acme.iam"));

        assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql:///drawings?").contains("&enableIamAuth=true");
        assertThat(db.user()).isEqualTo("buildtrace-api@acme.iam");
        // the driver is given something; the connector signs in with the access token instead
        assertThat(db.password()).isNull();
        assertThat(db.jdbcPassword()).isEqualTo(CloudSql.IAM_PASSWORD_PLACEHOLDER);

        DatabaseServer server = DatabaseServer.start(db);
        assertThat(server.jdbcUrl()).isEqualTo(db.jdbcUrl());
        assertThat(server.password()).isEqualTo(CloudSql.IAM_PASSWORD_PLACEHOLDER);
    }

    @Test
    void contradictoryOrIncompleteSettingsAreRefusedNamingTheVariables() {
        assertThatThrownBy(() -> new DatabaseProperties("jdbc:postgresql://db:5432/bt", null, null, null,
                new CloudSql("acme:europe-west1:bt", null, null, null, null)))
                .hasMessageStartingWith("buildtrace.db.url (BUILDTRACE_DB_URL) and buildtrace.db.cloud-sql.instance"
                        + " (BUILDTRACE_DB_CLOUDSQL_INSTANCE) are both set");
        CloudSql iam = new CloudSql("acme:europe-west1:bt", null, true, null, null);
        assertThatThrownBy(() -> new DatabaseProperties(null, null, null, null, iam))
                .hasMessageContaining("must name the IAM principal");
        assertThatThrownBy(() -> new DatabaseProperties(null, "sa@acme.iam", "old-password", null, iam))
                .hasMessageContaining("BUILDTRACE_DB_PASSWORD) is not used with IAM database authentication");
    }

    @Test
    void emptyVariablesAreNoSettingsAndLeaveTheEmbeddedServer() {
        // what a local worker is given on top of the manager's environment (WorkerLaunchers.workerEnvironment)
        DatabaseProperties db = bind(Map.of("BUILDTRACE_DB_URL", "", "BUILDTRACE_DB_CLOUDSQL_INSTANCE", "",
                "BUILDTRACE_DB_CLOUDSQL_IAMAUTH", "", "BUILDTRACE_DB_CLOUDSQL_UNIXSOCKET", ""));

        assertThat(db.embedded()).isTrue();
        assertThat(db.jdbcUrl()).isNull();
        assertThat(db.user()).isEqualTo("postgres");
    }

    @Test
    void aPlainUrlIsUsedAsItIs() {
        DatabaseProperties db = bind(Map.of("BUILDTRACE_DB_URL", "jdbc:postgresql://10.1.2.3:5432/buildtrace",
                "BUILDTRACE_DB_PASSWORD", "secret"));

        assertThat(db.embedded()).isFalse();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://10.1.2.3:5432/buildtrace");
        assertThat(db.jdbcPassword()).isEqualTo("secret");
    }

    private static DatabaseProperties bind(Map<String, String> variables) {
        return DatabaseProperties.of(ContainerEnvironment.of(variables));
    }
}
