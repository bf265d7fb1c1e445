package com.buildtrace.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildtrace.db.CloudSql;
import com.buildtrace.db.DatabaseProperties;
import com.buildtrace.db.DatabaseServer;
import com.buildtrace.partition.cloudrun.CloudRunWorkerLauncher;
import com.buildtrace.partition.kubernetes.KubernetesWorkerLauncher;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** The cloud launchers are made from the settings, or refused with the setting that is missing. */
class WorkerLaunchersTests {

    private final DatabaseServer database = DatabaseServer.start(
            new DatabaseProperties("jdbc:postgresql://db.internal:5432/buildtrace", "buildtrace", "secret", null, null));

    @Test
    void localWorkersGetTheDatabaseAndTheStoreOfThisProcess() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test", java.util.Map.of(
                "buildtrace.storage.kind", "gcs", "buildtrace.storage.bucket", "bt-prod",
                "buildtrace.storage.cache", "/var/cache/buildtrace")));

        assertThat(WorkerLaunchers.workerEnvironment(database, env))
                .containsEntry("BUILDTRACE_DB_URL", "jdbc:postgresql://db.internal:5432/buildtrace")
                .containsEntry("BUILDTRACE_STORAGE_KIND", "gcs").containsEntry("BUILDTRACE_STORAGE_BUCKET", "bt-prod")
                .containsEntry("BUILDTRACE_STORAGE_CACHE", "/var/cache/buildtrace")
                .doesNotContainKey("BUILDTRACE_STORAGE_ROOT");
    }

    @Test
    void localWorkersOfACloudSqlManagerGetItsConnectorUrlAndNoCloudSqlSettingsOnTop() {
        DatabaseServer cloudSql = DatabaseServer.start(new DatabaseProperties(null, "buildtrace", "secret", null,
                new CloudSql("acme:europe-west1:bt", null, null, true, null)));

        assertThat(WorkerLaunchers.workerEnvironment(cloudSql, new StandardEnvironment()))
                .containsEntry("BUILDTRACE_DB_URL", "jdbc:postgresql:///buildtrace?cloudSqlInstance=acme:europe-west1:bt"
                        + "&socketFactory=com.google.cloud.sql.postgres.SocketFactory&ipTypes=PRIVATE&sslmode=disable")
                .containsEntry("BUILDTRACE_DB_PASSWORD", "secret")
                .containsEntry("BUILDTRACE_DB_CLOUDSQL_INSTANCE", "").containsEntry("BUILDTRACE_DB_CLOUDSQL_PRIVATEIP", "");
    }

    @Test
    void makesAKubernetesLauncherFromItsSettings() throws Exception {
        WorkerProperties workers = workers(WorkerProperties.Mode.KUBERNETES, new WorkerProperties.Kubernetes(
                "buildtrace", "buildtrace:dev", null, "buildtrace-db", "http://127.0.0.1:1", null, null, null, null, null),
                null);

        WorkerLauncher launcher = launcher(workers);

        assertThat(launcher).isInstanceOf(KubernetesWorkerLauncher.class);
        ((AutoCloseable) launcher).close();
    }

    @Test
    void refusesKubernetesWithoutAnImage() {
        WorkerProperties workers = workers(WorkerProperties.Mode.KUBERNETES, new WorkerProperties.Kubernetes(
                "buildtrace", null, null, "buildtrace-db", "http://127.0.0.1:1", null, null, null, null, null), null);

        assertThatThrownBy(() -> launcher(workers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("buildtrace.workers.kubernetes.image must be set"
                        + " when buildtrace.workers.mode is KUBERNETES");
    }

    @Test
    void refusesKubernetesWithoutTheDatabaseSecret() {
        WorkerProperties workers = workers(WorkerProperties.Mode.KUBERNETES, new WorkerProperties.Kubernetes(
                "buildtrace", "buildtrace:dev", null, " ", "http://127.0.0.1:1", null, null, null, null, null), null);

        assertThatThrownBy(() -> launcher(workers))
                .hasMessage("buildtrace.workers.kubernetes.secret must be set"
                        + " when buildtrace.workers.mode is KUBERNETES");
    }

    @Test
    void makesACloudRunLauncherFromItsSettings() throws Exception {
        WorkerProperties workers = workers(WorkerProperties.Mode.CLOUD_RUN, null,
                new WorkerProperties.CloudRun("buildtrace-prod", "europe-west1", "buildtrace-worker",
                        "http://127.0.0.1:1"));

        WorkerLauncher launcher = launcher(workers);

        assertThat(launcher).isInstanceOf(CloudRunWorkerLauncher.class);
        ((AutoCloseable) launcher).close();
    }

    @Test
    void refusesCloudRunWithoutARegion() {
        WorkerProperties workers = workers(WorkerProperties.Mode.CLOUD_RUN, null,
                new WorkerProperties.CloudRun("buildtrace-prod", null, "buildtrace-worker", null));

        assertThatThrownBy(() -> launcher(workers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("buildtrace.workers.cloud-run.region must be set"
                        + " when buildtrace.workers.mode is CLOUD_RUN");
    }

    private WorkerLauncher launcher(WorkerProperties workers) throws Exception {
        return new WorkerLaunchers().workerLauncher(workers, null, database, new StandardEnvironment());
    }

    private static WorkerProperties workers(WorkerProperties.Mode mode, WorkerProperties.Kubernetes kubernetes,
                                            WorkerProperties.CloudRun cloudRun) {
        return new WorkerProperties(mode, 4, null, null, kubernetes, cloudRun);
    }
}
