package com.buildtrace.partition;

import com.buildtrace.db.DatabaseServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The worker launcher the configuration asks for ({@code buildtrace.workers.mode}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
class WorkerLaunchers {

    @Bean
    WorkerLauncher workerLauncher(WorkerProperties workers, @Qualifier("compareSheetPairStep") Step worker,
                                  DatabaseServer database, Environment env) {
        return switch (workers.mode()) {
            case IN_PROCESS -> new InProcessWorkerLauncher(worker, workers.count());
            case LOCAL_PROCESS -> new LocalProcessWorkerLauncher(workers.count(), workerEnvironment(database, env));
            case KUBERNETES, CLOUD_RUN -> throw new IllegalStateException(
                    "worker mode " + workers.mode() + " is not available in this build");
        };
    }

    /** What a local worker needs to share this process's database and engine settings. */
    static Map<String, String> workerEnvironment(DatabaseServer database, Environment env) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("BUILDTRACE_DB_URL", database.jdbcUrl());
        vars.put("BUILDTRACE_DB_USER", database.user());
        vars.put("BUILDTRACE_DB_PASSWORD", database.password() == null ? "" : database.password());
        String threads = env.getProperty("buildtrace.job.threads");
        if (threads != null) {
            vars.put("BUILDTRACE_JOB_THREADS", threads);
        }
        return vars;
    }
}
