package com.buildtrace.partition.kubernetes;

import com.buildtrace.partition.WorkerLauncher;
import com.buildtrace.partition.WorkerProperties;
import com.buildtrace.partition.WorkerRequest;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs partitions in the pods of one Kubernetes Indexed Job per launch. Every pod runs the application's
 * {@code worker} command with the whole list of step execution ids and claims partitions in the database;
 * the completion index only names the pod. The database settings come from a Secret (envFrom), the drawing
 * sets and results from an optional PersistentVolumeClaim mounted at the manager's paths; an optional Cloud SQL
 * Auth Proxy runs beside each worker ({@link CloudSqlProxySidecar}).
 *
 * <p>Needs {@code image} and {@code secret}; the manager's service account must be allowed to create, get
 * and delete Jobs (infra/kubernetes).
 */
public final class KubernetesWorkerLauncher implements WorkerLauncher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesWorkerLauncher.class);

    static final String APP_LABEL = "app";

    static final String JOB_EXECUTION_LABEL = "buildtrace/job-execution";

    /** Finished Jobs (and their pods' logs) are kept this long, then Kubernetes deletes them. */
    static final int TTL_SECONDS_AFTER_FINISHED = 3600;

    /** A pod that fails is tried once more (an evicted or OOM-killed worker); other indexes go on regardless. */
    static final int BACKOFF_LIMIT_PER_INDEX = 1;

    private static final String DATA_VOLUME = "data";

    private static final char[] NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KubernetesClient client;

    private final WorkerProperties.Kubernetes settings;

    private final String namespace;

    private final int count;

    private final Duration timeout;

    /**
     * @param settings the Job's settings; {@code image} and {@code secret} are required
     * @param count worker pods per comparison (fewer when there are fewer partitions)
     * @param timeout how long a Job may run in all (its {@code activeDeadlineSeconds})
     */
    public KubernetesWorkerLauncher(WorkerProperties.Kubernetes settings, int count, Duration timeout) {
        this.settings = settings;
        this.count = Math.max(1, count);
        this.timeout = timeout;
        this.client = client(settings.masterUrl());
        this.namespace = settings.namespace() != null ? settings.namespace()
                : client.getNamespace() != null ? client.getNamespace() : "default";
    }

    /** In-cluster or kubeconfig settings, with the API server replaced when one is given. */
    private static KubernetesClient client(String masterUrl) {
        KubernetesClientBuilder builder = new KubernetesClientBuilder();
        if (masterUrl != null) {
            builder.withConfig(new ConfigBuilder().withMasterUrl(masterUrl).build());
        }
        return builder.build();
    }

    @Override
    public Launch launch(WorkerRequest request, Collection<StepExecution> partitions) {
        int workers = Math.min(count, partitions.size());
        Job job = jobs().resource(job(jobName(request.jobExecutionId()), request, workers)).create();
        String name = job.getMetadata().getName();
        LOG.info("started Kubernetes Job {}/{} with {} workers for {} partitions", namespace, name, workers,
                partitions.size());
        return new IndexedJobLaunch(name);
    }

    /** The Indexed Job that runs {@code workers} pods for the request. */
    Job job(String name, WorkerRequest request, int workers) {
        Map<String, String> labels = Map.of(APP_LABEL, "buildtrace",
                JOB_EXECUTION_LABEL, Long.toString(request.jobExecutionId()));
        String ids = request.commaSeparatedIds();
        ContainerBuilder container = new ContainerBuilder()
                .withName("worker")
                .withImage(settings.image())
                .withArgs("worker")
                .addNewEnv().withName("BUILDTRACE_JOB_EXECUTION_ID")
                .withValue(Long.toString(request.jobExecutionId())).endEnv()
                .addNewEnv().withName("BUILDTRACE_STEP_EXECUTION_IDS").withValue(ids).endEnv()
                .addNewEnvFrom().withNewSecretRef().withName(settings.secret()).endSecretRef().endEnvFrom();
        if (settings.cpu() != null || settings.memory() != null) {
            // no CPU limit: a worker may use idle cores; memory is limited to what it asked for, so that an
            // oversized sheet fails its own pod instead of its neighbours
            container.withNewResources()
                    .addToRequests(quantities("cpu", settings.cpu()))
                    .addToRequests(quantities("memory", settings.memory()))
                    .addToLimits(quantities("memory", settings.memory()))
                    .endResources();
        }
        if (settings.volumeClaim() != null) {
            container.addNewVolumeMount().withName(DATA_VOLUME).withMountPath(settings.mountPath()).endVolumeMount();
        }
        JobBuilder job = new JobBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec()
                .withCompletionMode("Indexed")
                .withCompletions(workers)
                .withParallelism(workers)
                .withBackoffLimitPerIndex(BACKOFF_LIMIT_PER_INDEX)
                .withTtlSecondsAfterFinished(TTL_SECONDS_AFTER_FINISHED)
                .withActiveDeadlineSeconds(timeout.toSeconds())
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(settings.serviceAccount())
                .withContainers(container.build())
                .endSpec()
                .endTemplate()
                .endSpec();
        if (settings.volumeClaim() != null) {
            job.editSpec().editTemplate().editSpec()
                    .addNewVolume().withName(DATA_VOLUME)
                    .withNewPersistentVolumeClaim().withClaimName(settings.volumeClaim()).endPersistentVolumeClaim()
                    .endVolume()
                    .endSpec().endTemplate().endSpec();
        }
        if (settings.cloudSqlProxy().enabled()) {
            job.editSpec().editTemplate().editSpec()
                    .addToInitContainers(CloudSqlProxySidecar.of(settings.cloudSqlProxy()))
                    .endSpec().endTemplate().endSpec();
        }
        return job.build();
    }

    private static Map<String, Quantity> quantities(String resource, String amount) {
        return amount == null ? Map.of() : Map.of(resource, new Quantity(amount));
    }

    /** {@code buildtrace-worker-<job execution>-<5 random characters>}: a DNS label, unique per launch. */
    static String jobName(long jobExecutionId) {
        StringBuilder name = new StringBuilder("buildtrace-worker-").append(jobExecutionId).append('-');
        for (int i = 0; i < 5; i++) {
            name.append(NAME_CHARS[RANDOM.nextInt(NAME_CHARS.length)]);
        }
        return name.toString();
    }

    private NonNamespaceOperation<Job, JobList, ScalableResource<Job>> jobs() {
        return client.batch().v1().jobs().inNamespace(namespace);
    }

    @Override
    public void close() {
        client.close();
    }

    /** One Indexed Job, watched through its status. */
    private final class IndexedJobLaunch implements Launch {

        private final String name;

        IndexedJobLaunch(String name) {
            this.name = name;
        }

        @Override
        public boolean alive() {
            try {
                Job job = jobs().withName(name).get();
                return job != null && (job.getStatus() == null
                        || job.getStatus().getConditions().stream().noneMatch(IndexedJobLaunch::finished));
            } catch (KubernetesClientException e) {
                // the API server may be briefly away; the partition handler's timeout still bounds the wait
                LOG.warn("cannot read Kubernetes Job {}/{}: {}", namespace, name, e.getMessage());
                return true;
            }
        }

        private static boolean finished(JobCondition condition) {
            return ("Complete".equals(condition.getType()) || "Failed".equals(condition.getType()))
                    && "True".equals(condition.getStatus());
        }

        @Override
        public void cancel() {
            try {
                jobs().withName(name).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
                LOG.info("deleted Kubernetes Job {}/{}", namespace, name);
            } catch (KubernetesClientException e) {
                LOG.warn("cannot delete Kubernetes Job {}/{}: {}", namespace, name, e.getMessage());
            }
        }
    }
}
