package com.buildtrace.partition;

import com.buildtrace.db.DatabaseServer;
import com.buildtrace.partition.cloudrun.CloudRunWorkerLauncher;
import com.buildtrace.partition.kubernetes.KubernetesWorkerLauncher;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The worker launcher the configuration asks for ({@code buildtrace.workers.mode}). The cloud launchers hold
 * API clients: the context closes them with the launcher.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
class WorkerLaunchers {

    /** The environment variables of the Cloud SQL connector's settings (buildtrace.db.cloud-sql.*). */
    static final List<String> CLOUD_SQL_VARIABLES = List.of("BUILDTRACE_DB_CLOUDSQL_INSTANCE",
            "BUILDTRACE_DB_CLOUDSQL_DATABASE", "BUILDTRACE_DB_CLOUDSQL_IAMAUTH", "BUILDTRACE_DB_CLOUDSQL_PRIVATEIP",
            "BUILDTRACE_DB_CLOUDSQL_UNIXSOCKET");

    @Bean
    WorkerLauncher workerLauncher(WorkerProperties workers, @Qualifier("compareSheetPairStep") Step worker,
                                  DatabaseServer database, Environment env) throws IOException {
        return switch (workers.mode()) {
            case IN_PROCESS -> new InProcessWorkerLauncher(worker, workers.count());
            case LOCAL_PROCESS -> new LocalProcessWorkerLauncher(workers.count(), workerEnvironment(database, env));
            case KUBERNETES -> kubernetes(workers, database);
            case CLOUD_RUN -> cloudRun(workers, database);
        };
    }

    private static KubernetesWorkerLauncher kubernetes(WorkerProperties workers, DatabaseServer database) {
        external(database, workers.mode());
        WorkerProperties.Kubernetes k = workers.kubernetes();
        required(k.image(), "kubernetes.image", workers.mode());
        required(k.secret(), "kubernetes.secret", workers.mode());
        return new KubernetesWorkerLauncher(k, workers.count(), workers.timeout());
    }

    private static CloudRunWorkerLauncher cloudRun(WorkerProperties workers, DatabaseServer database)
            throws IOException {
        external(database, workers.mode());
        WorkerProperties.CloudRun c = workers.cloudRun();
        required(c.project(), "cloud-run.project", workers.mode());
        required(c.region(), "cloud-run.region", workers.mode());
        required(c.job(), "cloud-run.job", workers.mode());
        return new CloudRunWorkerLauncher(c, workers.count());
    }

    /** Workers elsewhere share the job repository: they cannot reach a database embedded in this process. */
    private static void external(DatabaseServer database, WorkerProperties.Mode mode) {
        if (database.embedded()) {
            throw new IllegalStateException("buildtrace.db.url (BUILDTRACE_DB_URL) or buildtrace.db.cloud-sql.instance"
                    + " (BUILDTRACE_DB_CLOUDSQL_INSTANCE) must name a database the workers can reach when buildtrace.workers.mode is " + mode + ", not the embedded one");
        }
    }

    private static void required(String value, String property, WorkerProperties.Mode mode) {
        if (value == null) {
            throw new IllegalStateException(
                    "buildtrace.workers." + property + " must be set when buildtrace.workers.mode is " + mode);
        }
    }

    /** What a local worker needs to share this process's database and engine settings. */
    static Map<String, String> workerEnvironment(DatabaseServer database, Environment env) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("BUILDTRACE_DB_URL", database.jdbcUrl());
        vars.put("BUILDTRACE_DB_USER", database.user());
        vars.put("BUILDTRACE_DB_PASSWORD", database.password() == null ? "" : database.password());
        // the URL above is the whole connection (the Cloud SQL connector's included): Cloud SQL settings the
        // workers would inherit from this process's environment must not come on top of it
        for (String key : CLOUD_SQL_VARIABLES) {
            vars.put(key, "");
        }
        String threads = env.getProperty("buildtrace.job.threads");
        if (threads != null) {
            vars.put("BUILDTRACE_JOB_THREADS", threads);
        }
        // the same store and cache as this process, however they were set
        for (String key : new String[] {"kind", "root", "bucket", "cache"}) {
            String value = env.getProperty("buildtrace.storage." + key);
            if (value != null) {
                vars.put("BUILDTRACE_STORAGE_" + key.toUpperCase(java.util.Locale.ROOT), value);
            }
        }
        return vars;
    }
}
