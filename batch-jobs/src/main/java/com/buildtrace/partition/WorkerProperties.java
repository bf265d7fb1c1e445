package com.buildtrace.partition;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sheet-pair partitions are run ({@code buildtrace.workers.*}).
 *
 * @param mode where workers run
 * @param count partitions at once in-process, or worker processes / pods / tasks
 * @param pollInterval how often the job repository is checked
 * @param timeout how long a comparison's partitions may take in all
 * @param kubernetes settings of the Kubernetes Indexed Job launcher
 * @param cloudRun settings of the Cloud Run Jobs launcher
 */
@ConfigurationProperties("buildtrace.workers")
public record WorkerProperties(Mode mode, int count, Duration pollInterval, Duration timeout,
                               Kubernetes kubernetes, CloudRun cloudRun) {

    /** Where workers run. */
    public enum Mode {
        /** Threads of this process (the default). */
        IN_PROCESS,
        /** Processes on this machine running the same jar. */
        LOCAL_PROCESS,
        /** Pods of a Kubernetes Indexed Job. */
        KUBERNETES,
        /** Tasks of a Cloud Run Job execution. */
        CLOUD_RUN
    }

    public WorkerProperties {
        if (mode == null) {
            mode = Mode.IN_PROCESS;
        }
        if (count <= 0) {
            count = Runtime.getRuntime().availableProcessors();
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofMillis(300);
        }
        if (timeout == null) {
            timeout = Duration.ofHours(6);
        }
        if (kubernetes == null) {
            kubernetes = new Kubernetes(null, null, null, null, null);
        }
        if (cloudRun == null) {
            cloudRun = new CloudRun(null, null, null, null);
        }
    }

    /**
     * The Kubernetes Indexed Job that runs workers.
     *
     * @param namespace namespace to create the Job in
     * @param image container image of the workers (this application)
     * @param serviceAccount service account of the worker pods
     * @param secret name of the Secret with the database settings (BUILDTRACE_DB_*)
     * @param masterUrl API server (default: in-cluster or kubeconfig)
     */
    public record Kubernetes(String namespace, String image, String serviceAccount, String secret, String masterUrl) {
    }

    /**
     * The Cloud Run Job that runs workers (deployed from infra/cloudrun).
     *
     * @param project Google Cloud project
     * @param region region of the job
     * @param job name of the Cloud Run Job
     * @param endpoint API endpoint (default: Google's)
     */
    public record CloudRun(String project, String region, String job, String endpoint) {
    }
}
