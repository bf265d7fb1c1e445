package com.buildtrace.partition.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.fixtures.Partitions;
import com.buildtrace.fixtures.RecordingHttpServer;
import com.buildtrace.partition.WorkerLauncher;
import com.buildtrace.partition.WorkerProperties;
import com.buildtrace.testing.ContainerEnvironment;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.context.properties.bind.Binder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real fabric8 client against a stand-in Kubernetes API server: the Indexed Job it creates, how its
 * status is read and how it is deleted.
 */
class KubernetesWorkerLauncherTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final String JOBS = "/apis/batch/v1/namespaces/buildtrace/jobs";

    /** The Job of infra/kubernetes that documents what the launcher creates. */
    private static final Path REFERENCE = Path.of("..", "infra", "kubernetes", "worker-job.reference.yaml");

    /** The manager Job of the Cloud SQL Auth Proxy variant of infra/kubernetes. */
    private static final Path PROXY_MANAGER = Path.of("..", "infra", "kubernetes", "cloud-sql-proxy",
            "manager-job.patch.yaml");

    private static final String UID = "0c3e8f4a-5d1b-4c7e-9a2f-6b8d1e3f5a7c";

    private final List<StepExecution> partitions = Partitions.of(42, 101, 102, 103, 104, 105);

    private RecordingHttpServer api;

    private KubernetesWorkerLauncher launcher;

    @BeforeEach
    void startApi() throws IOException {
        api = new RecordingHttpServer();
    }

    @AfterEach
    void stop() {
        if (launcher != null) {
            launcher.close();
        }
        api.close();
    }

    @Test
    void createsOneIndexedJobWithAPodPerWorkerEachGivenAllPartitions() {
        launcher = launcher(new WorkerProperties.Kubernetes("buildtrace", "registry.example.com/buildtrace:0.1.0",
                "buildtrace-worker", "buildtrace-db", api.url(), "2", "4Gi", "buildtrace-data", null, null), 3);
        api.respond("POST", JOBS, 201, KubernetesWorkerLauncherTests::created);

        launcher.launch(Partitions.request(partitions), partitions);

        assertThat(api.requests()).hasSize(1);
        RecordingHttpServer.Request create = api.requests().get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo(JOBS);
        JsonNode job = JSON.readTree(create.body());
        String name = job.at("/metadata/name").asString();
        assertThat(name).matches("buildtrace-worker-42-[a-z0-9]{5}");
        assertThat(job).isEqualTo(JSON.readTree("""
                {
                  "apiVersion": "batch/v1",
                  "kind": "Job",
                  "metadata": {
                    "name": "%s",
                    "labels": {"app": "buildtrace", "buildtrace/job-execution": "42"}
                  },
                  "spec": {
                    "completionMode": "Indexed",
                    "completions": 3,
                    "parallelism": 3,
                    "backoffLimitPerIndex": 1,
                    "ttlSecondsAfterFinished": 3600,
                    "activeDeadlineSeconds": 7200,
                    "template": {
                      "metadata": {"labels": {"app": "buildtrace", "buildtrace/job-execution": "42"}},
                      "spec": {
                        "restartPolicy": "Never",
                        "serviceAccountName": "buildtrace-worker",
                        "containers": [{
                          "name": "worker",
                          "image": "registry.example.com/buildtrace:0.1.0",
                          "args": ["worker"],
                          "env": [
                            {"name": "BUILDTRACE_JOB_EXECUTION_ID", "value": "42"},
                            {"name": "BUILDTRACE_STEP_EXECUTION_IDS", "value": "101,102,103,104,105"}
                          ],
                          "envFrom": [{"secretRef": {"name": "buildtrace-db"}}],
                          "resources": {
                            "requests": {"cpu": "2", "memory": "4Gi"},
                            "limits": {"memory": "4Gi"}
                          },
                          "volumeMounts": [{"name": "data", "mountPath": "/data"}]
                        }],
                        "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "buildtrace-data"}}]
                      }
                    }
                  }
                }
                """.formatted(name)));
    }

    @Test
    void buildsTheJobOfTheReferenceManifest() throws IOException {
        launcher = new KubernetesWorkerLauncher(new WorkerProperties.Kubernetes("buildtrace",
                "REGISTRY/buildtrace:VERSION", "buildtrace-worker", "buildtrace-db", api.url(), "2", "4Gi",
                "buildtrace-data", "/data", null), 3, Duration.ofHours(6));
        KubernetesSerialization serialization = new KubernetesSerialization();
        Job reference = serialization.unmarshal(Files.readString(REFERENCE), Job.class);

        Job job = launcher.job("buildtrace-worker-42-x7k2p", Partitions.request(partitions), 3);

        assertThat(JSON.readTree(serialization.asJson(job))).isEqualTo(JSON.readTree(serialization.asJson(reference)));
    }

    @Test
    void givesEveryWorkerTheCloudSqlProxyOfTheManagerInTheProxyVariantOfTheManifests() throws IOException {
        // given the proxy variant's manager Job: its proxy sidecar, and its settings for the workers' proxies
        KubernetesSerialization serialization = new KubernetesSerialization();
        PodSpec manager = serialization.unmarshal(Files.readString(PROXY_MANAGER), Job.class)
                .getSpec().getTemplate().getSpec();
        Map<String, Object> variables = new HashMap<>();
        manager.getContainers().get(0).getEnv().forEach(e -> variables.put(e.getName(), e.getValue()));
        variables.putAll(Map.of("BUILDTRACE_WORKERS_KUBERNETES_IMAGE", "REGISTRY/buildtrace:VERSION",
                "BUILDTRACE_WORKERS_KUBERNETES_SECRET", "buildtrace-db",
                "BUILDTRACE_WORKERS_KUBERNETES_MASTERURL", api.url()));
        WorkerProperties workers = Binder.get(ContainerEnvironment.of(variables))
                .bind("buildtrace.workers", WorkerProperties.class).get();

        // when the manager launches its workers with those settings
        launcher = launcher(workers.kubernetes(), 3);
        Job job = launcher.job("buildtrace-worker-42-x7k2p", Partitions.request(partitions), 3);

        // then each worker pod has the same proxy beside it, a native sidecar that outlives no worker
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(JSON.readTree(serialization.asJson(pod.getInitContainers())))
                .isEqualTo(JSON.readTree(serialization.asJson(manager.getInitContainers())));
        assertThat(pod.getInitContainers().get(0).getRestartPolicy()).isEqualTo("Always");
        assertThat(pod.getContainers()).extracting(c -> c.getName()).containsExactly("worker");
    }

    @Test
    void runsNoMoreWorkersThanPartitionsAndLeavesOutSettingsNotGiven() {
        launcher = launcher(minimal(), 8);
        List<StepExecution> two = Partitions.of(7, 11, 12);
        api.respond("POST", JOBS, 201, KubernetesWorkerLauncherTests::created);

        launcher.launch(Partitions.request(two), two);

        JsonNode job = JSON.readTree(api.requests().get(0).body());
        assertThat(job.at("/spec/completions").asInt()).isEqualTo(2);
        assertThat(job.at("/spec/parallelism").asInt()).isEqualTo(2);
        JsonNode pod = job.at("/spec/template/spec");
        assertThat(pod.has("serviceAccountName")).isFalse();
        assertThat(pod.has("volumes")).isFalse();
        assertThat(pod.at("/containers/0").propertyNames()).containsExactlyInAnyOrder(
                "name", "image", "args", "env", "envFrom");
        assertThat(pod.at("/containers/0/env/1/value").asString()).isEqualTo("11,12");
    }

    @Test
    void isAliveUntilTheJobHasACompleteCondition() {
        launcher = launcher(minimal(), 3);
        WorkerLauncher.Launch launch = launch();
        api.respond("GET", job(), 200, job("""
                {"startTime": "2026-11-28T10:00:01Z", "active": 3, "ready": 3, "terminating": 0,
                 "uncountedTerminatedPods": {}}"""));
        api.respond("GET", job(), 200, job("""
                {"conditions": [
                   {"type": "SuccessCriteriaMet", "status": "True", "reason": "CompletionsReached",
                    "message": "Reached expected number of succeeded pods",
                    "lastProbeTime": "2026-11-28T10:04:12Z", "lastTransitionTime": "2026-11-28T10:04:12Z"},
                   {"type": "Complete", "status": "True", "reason": "CompletionsReached",
                    "message": "Reached expected number of succeeded pods",
                    "lastProbeTime": "2026-11-28T10:04:13Z", "lastTransitionTime": "2026-11-28T10:04:13Z"}],
                 "startTime": "2026-11-28T10:00:01Z", "completionTime": "2026-11-28T10:04:13Z",
                 "succeeded": 3, "completedIndexes": "0-2", "ready": 0, "terminating": 0,
                 "uncountedTerminatedPods": {}}"""));

        assertThat(launch.alive()).isTrue();
        assertThat(launch.alive()).isFalse();
        assertThat(api.requests()).extracting(RecordingHttpServer.Request::method, RecordingHttpServer.Request::path)
                .containsExactly(tuple("POST", JOBS), tuple("GET", job()), tuple("GET", job()));
    }

    @Test
    void isAliveWhileAFailingJobStillTerminatesPodsAndNotOnceItHasFailed() {
        launcher = launcher(minimal(), 3);
        WorkerLauncher.Launch launch = launch();
        api.respond("GET", job(), 200, job("""
                {"conditions": [
                   {"type": "FailureTarget", "status": "True", "reason": "FailedIndexes",
                    "message": "Job has failed indexes",
                    "lastProbeTime": "2026-11-28T10:03:00Z", "lastTransitionTime": "2026-11-28T10:03:00Z"}],
                 "startTime": "2026-11-28T10:00:01Z", "active": 0, "failed": 2, "succeeded": 2,
                 "completedIndexes": "0,2", "failedIndexes": "1", "ready": 0, "terminating": 1,
                 "uncountedTerminatedPods": {}}"""));
        api.respond("GET", job(), 200, job("""
                {"conditions": [
                   {"type": "FailureTarget", "status": "True", "reason": "FailedIndexes",
                    "message": "Job has failed indexes",
                    "lastProbeTime": "2026-11-28T10:03:00Z", "lastTransitionTime": "2026-11-28T10:03:00Z"},
                   {"type": "Failed", "status": "True", "reason": "FailedIndexes",
                    "message": "Job has failed indexes",
                    "lastProbeTime": "2026-11-28T10:03:02Z", "lastTransitionTime": "2026-11-28T10:03:02Z"}],
                 "startTime": "2026-11-28T10:00:01Z", "failed": 2, "succeeded": 2,
                 "completedIndexes": "0,2", "failedIndexes": "1", "ready": 0, "terminating": 0,
                 "uncountedTerminatedPods": {}}"""));

        assertThat(launch.alive()).isTrue();
        assertThat(launch.alive()).isFalse();
    }

    @Test
    void isNotAliveOnceTheJobIsGone() {
        launcher = launcher(minimal(), 3);
        WorkerLauncher.Launch launch = launch();
        api.respond("GET", job(), 404, """
                {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                 "message": "jobs.batch \\"%1$s\\" not found", "reason": "NotFound",
                 "details": {"name": "%1$s", "group": "batch", "kind": "jobs"}, "code": 404}"""
                .formatted(jobName()));

        assertThat(launch.alive()).isFalse();
    }

    @Test
    void cancelDeletesTheJobAndLetsKubernetesDeleteItsPodsInTheBackground() {
        launcher = launcher(minimal(), 3);
        WorkerLauncher.Launch launch = launch();
        api.respond("DELETE", job(), 200, """
                {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success",
                 "details": {"name": "%s", "group": "batch", "kind": "jobs", "uid": "%s"}}"""
                .formatted(jobName(), UID));

        launch.cancel();

        RecordingHttpServer.Request delete = api.requests().get(1);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.path()).isEqualTo(job());
        assertThat(JSON.readTree(delete.body())).isEqualTo(JSON.readTree("""
                {"apiVersion": "v1", "kind": "DeleteOptions", "propagationPolicy": "Background"}"""));
    }

    private KubernetesWorkerLauncher launcher(WorkerProperties.Kubernetes settings, int count) {
        return new KubernetesWorkerLauncher(settings, count, Duration.ofHours(2));
    }

    private WorkerProperties.Kubernetes minimal() {
        return new WorkerProperties.Kubernetes("buildtrace", "buildtrace:dev", null, "buildtrace-db", api.url(),
                null, null, null, null, null);
    }

    /** Launches workers for the partitions; the API server creates their Job. */
    private WorkerLauncher.Launch launch() {
        api.respond("POST", JOBS, 201, KubernetesWorkerLauncherTests::created);
        return launcher.launch(Partitions.request(partitions), partitions);
    }

    /** The name of the Job created first (names end in random characters). */
    private String jobName() {
        return JSON.readTree(api.requests().get(0).body()).at("/metadata/name").asString();
    }

    /** The path of that Job. */
    private String job() {
        return JOBS + "/" + jobName();
    }

    /** That Job as the API server returns it, with the given status. */
    private String job(String status) {
        ObjectNode job = (ObjectNode) JSON.readTree(created(api.requests().get(0).body()));
        job.set("status", JSON.readTree(status));
        return job.toString();
    }

    /** The Job of a create request as the API server returns it: with its identity and defaults, no status yet. */
    private static String created(String request) {
        ObjectNode job = (ObjectNode) JSON.readTree(request);
        ObjectNode metadata = (ObjectNode) job.get("metadata");
        metadata.put("uid", UID).put("resourceVersion", "48213").put("generation", 1)
                .put("creationTimestamp", "2026-11-28T10:00:00Z");
        ObjectNode spec = (ObjectNode) job.get("spec");
        spec.put("backoffLimit", Integer.MAX_VALUE).put("suspend", false).put("manualSelector", false)
                .put("podReplacementPolicy", "Failed")
                .set("selector", JSON.readTree("""
                        {"matchLabels": {"batch.kubernetes.io/controller-uid": "%s"}}""".formatted(UID)));
        ObjectNode podLabels = (ObjectNode) spec.at("/template/metadata/labels");
        podLabels.put("batch.kubernetes.io/controller-uid", UID)
                .put("batch.kubernetes.io/job-name", metadata.get("name").asString());
        job.set("status", JSON.createObjectNode());
        return job.toString();
    }
}
