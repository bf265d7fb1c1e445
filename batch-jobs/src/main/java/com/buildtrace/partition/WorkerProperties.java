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
            kubernetes = new Kubernetes(null, null, null, null, null, null, null, null, null, null);
        }
        if (cloudRun == null) {
            cloudRun = new CloudRun(null, null, null, null);
        }
    }

    /**
     * The Kubernetes Indexed Job that runs workers (see infra/kubernetes).
     *
     * @param namespace namespace to create the Job in (default: the client's, in a cluster the manager pod's)
     * @param image container image of the workers (this application); required
     * @param serviceAccount service account of the worker pods (default: the namespace's default)
     * @param secret name of the Secret with the database settings (BUILDTRACE_DB_*); required
     * @param masterUrl API server (default: in-cluster or kubeconfig)
     * @param cpu CPU each worker pod requests, such as {@code 2} or {@code 1500m} (default: none)
     * @param memory memory each worker pod requests and is limited to, such as {@code 4Gi} (default: none)
     * @param volumeClaim PersistentVolumeClaim with the drawing sets and results, mounted in every worker
     *     at {@code mountPath}: workers read and write the same paths as the manager (default: none)
     * @param mountPath where the claim is mounted (default {@code /data})
     * @param cloudSqlProxy a Cloud SQL Auth Proxy beside every worker (default: none)
     */
    public record Kubernetes(String namespace, String image, String serviceAccount, String secret, String masterUrl,
                             String cpu, String memory, String volumeClaim, String mountPath,
                             CloudSqlProxy cloudSqlProxy) {

        public Kubernetes {
            namespace = orNull(namespace);
            image = orNull(image);
            serviceAccount = orNull(serviceAccount);
            secret = orNull(secret);
            masterUrl = orNull(masterUrl);
            cpu = orNull(cpu);
            memory = orNull(memory);
            volumeClaim = orNull(volumeClaim);
            mountPath = mountPath == null || mountPath.isBlank() ? "/data" : mountPath;
            if (cloudSqlProxy == null) {
                cloudSqlProxy = new CloudSqlProxy(null, null, null, null);
            }
        }
    }

    /**
     * The Cloud SQL Auth Proxy in every worker pod, as in the manager's and the API's pods of
     * infra/kubernetes/cloud-sql-proxy: a native sidecar (an init container that keeps running, Kubernetes 1.29 or
     * later), so the Job completes when its workers do. The workers' database URL (in the Secret) is then
     * {@code jdbc:postgresql://127.0.0.1:5432/DATABASE}.
     *
     * @param instance instance connection name, {@code PROJECT:REGION:INSTANCE}; empty: no proxy
     * @param image the proxy's image (default {@value #DEFAULT_IMAGE})
     * @param privateIp connect to the instance's private IP ({@code --private-ip})
     * @param iamAuth IAM database authentication as the pod's service account ({@code --auto-iam-authn}): the
     *     database user is then that principal, without a password
     */
    public record CloudSqlProxy(String instance, String image, Boolean privateIp, Boolean iamAuth) {

        /** The proxy's image when none is set. */
        public static final String DEFAULT_IMAGE = "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1";

        public CloudSqlProxy {
            instance = orNull(instance);
            image = image == null || image.isBlank() ? DEFAULT_IMAGE : image;
            privateIp = Boolean.TRUE.equals(privateIp);
            iamAuth = Boolean.TRUE.equals(iamAuth);
        }

        /** True when an instance is set. */
        public boolean enabled() {
            return instance != null;
        }
    }

    /**
     * The Cloud Run Job that runs workers (deployed from infra/cloudrun).
     *
     * @param project Google Cloud project
     * @param region region of the job
     * @param job name of the Cloud Run Job
     * @param endpoint API endpoint (default: Google's); an {@code http://} one (a local test server) is called
     *     without credentials
     */
    public record CloudRun(String project, String region, String job, String endpoint) {

        public CloudRun {
            project = orNull(project);
            region = orNull(region);
            job = orNull(job);
            endpoint = orNull(endpoint);
        }
    }

    /** An empty setting (an environment variable set to nothing) is no setting. */
    private static String orNull(String setting) {
        return setting == null || setting.isBlank() ? null : setting;
    }
}
