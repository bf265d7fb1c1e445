package com.buildtrace.partition.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.fixtures.Partitions;
import com.buildtrace.fixtures.RecordingHttpServer;
import com.buildtrace.partition.WorkerLauncher;
import com.buildtrace.partition.WorkerProperties;
import com.google.api.gax.rpc.NotFoundException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Cloud Run client (HTTP/JSON transport) against a stand-in Cloud Run Admin API v2: how the deployed
 * job is run with overrides, how its execution is watched and how it is cancelled.
 */
class CloudRunWorkerLauncherTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final String LOCATION = "projects/buildtrace-prod/locations/europe-west1";

    private static final String JOB = LOCATION + "/jobs/buildtrace-worker";

    private static final String EXECUTION = JOB + "/executions/buildtrace-worker-x7k2p";

    private final List<StepExecution> partitions = Partitions.of(42, 101, 102, 103, 104, 105);

    private RecordingHttpServer api;

    private CloudRunWorkerLauncher launcher;

    @BeforeEach
    void start() throws IOException {
        api = new RecordingHttpServer();
        launcher = new CloudRunWorkerLauncher(new WorkerProperties.CloudRun("buildtrace-prod", "europe-west1",
                "buildtrace-worker", api.url()), 3);
    }

    @AfterEach
    void stop() {
        launcher.close();
        api.close();
    }

    @Test
    void runsTheDeployedJobWithATaskPerWorkerEachGivenAllPartitions() throws Exception {
        api.respond("POST", "/v2/" + JOB + ":run", 200, operation(execution("")));

        launcher.launch(Partitions.request(partitions), partitions);

        assertThat(api.requests()).hasSize(1);
        RecordingHttpServer.Request run = api.requests().get(0);
        assertThat(run.method()).isEqualTo("POST");
        assertThat(run.path()).isEqualTo("/v2/" + JOB + ":run");
        assertThat(URLDecoder.decode(run.query(), StandardCharsets.UTF_8)).isEqualTo("$alt=json;enum-encoding=int");
        assertThat(JSON.readTree(run.body())).isEqualTo(JSON.readTree("""
                {
                  "overrides": {
                    "containerOverrides": [{
                      "args": ["worker"],
                      "env": [
                        {"name": "BUILDTRACE_JOB_EXECUTION_ID", "value": "42"},
                        {"name": "BUILDTRACE_STEP_EXECUTION_IDS", "value": "101,102,103,104,105"}
                      ]
                    }],
                    "taskCount": 3
                  }
                }
                """));
    }

    @Test
    void runsNoMoreTasksThanPartitions() throws Exception {
        List<StepExecution> two = Partitions.of(7, 11, 12);
        api.respond("POST", "/v2/" + JOB + ":run", 200, operation(execution("")));

        launcher.launch(Partitions.request(two), two);

        assertThat(JSON.readTree(api.requests().get(0).body()).at("/overrides/taskCount").asInt()).isEqualTo(2);
    }

    @Test
    void failsToLaunchWhenTheJobIsNotDeployed() {
        api.respond("POST", "/v2/" + JOB + ":run", 404, """
                {"error": {"code": 404, "status": "NOT_FOUND", "message": "Resource 'buildtrace-worker' of kind \
                'JOB' in region 'europe-west1' in project 'buildtrace-prod' does not exist."}}""");

        assertThatThrownBy(() -> launcher.launch(Partitions.request(partitions), partitions))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot run Cloud Run job " + JOB + ": 404 Not Found")
                .hasMessageContaining("does not exist")
                .hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void isAliveUntilTheExecutionHasACompletionTime() throws Exception {
        api.respond("POST", "/v2/" + JOB + ":run", 200, operation(execution("")));
        api.respond("GET", "/v2/" + EXECUTION, 200, execution("""
                "startTime": "2026-11-28T10:00:04.118Z", "runningCount": 3,"""));
        api.respond("GET", "/v2/" + EXECUTION, 200, execution("""
                "startTime": "2026-11-28T10:00:04.118Z", "completionTime": "2026-11-28T10:06:51.902Z",
                "succeededCount": 3,"""));
        WorkerLauncher.Launch launch = launcher.launch(Partitions.request(partitions), partitions);

        assertThat(launch.alive()).isTrue();
        assertThat(launch.alive()).isFalse();
        assertThat(api.requests()).extracting(RecordingHttpServer.Request::method, RecordingHttpServer.Request::path)
                .containsExactly(tuple("POST", "/v2/" + JOB + ":run"), tuple("GET", "/v2/" + EXECUTION),
                        tuple("GET", "/v2/" + EXECUTION));
    }

    @Test
    void isNotAliveOnceTheExecutionFailed() throws Exception {
        api.respond("POST", "/v2/" + JOB + ":run", 200, operation(execution("")));
        api.respond("GET", "/v2/" + EXECUTION, 200, execution("""
                "startTime": "2026-11-28T10:00:04.118Z", "completionTime": "2026-11-28T10:02:13.550Z",
                "succeededCount": 2, "failedCount": 1, "retriedCount": 1,"""));
        WorkerLauncher.Launch launch = launcher.launch(Partitions.request(partitions), partitions);

        assertThat(launch.alive()).isFalse();
    }

    @Test
    void cancelCancelsTheExecution() throws Exception {
        api.respond("POST", "/v2/" + JOB + ":run", 200, operation(execution("")));
        api.respond("POST", "/v2/" + EXECUTION + ":cancel", 200, operation(execution("""
                "startTime": "2026-11-28T10:00:04.118Z", "runningCount": 3,""")));
        WorkerLauncher.Launch launch = launcher.launch(Partitions.request(partitions), partitions);

        launch.cancel();

        RecordingHttpServer.Request cancel = api.requests().get(1);
        assertThat(cancel.method()).isEqualTo("POST");
        assertThat(cancel.path()).isEqualTo("/v2/" + EXECUTION + ":cancel");
        assertThat(JSON.readTree(cancel.body())).isEqualTo(JSON.readTree("{}"));
    }

    /** The long-running operation of a run or cancel request, with its execution as metadata. */
    private static String operation(String execution) {
        return """
                {"name": "%s/operations/6a1fd0c2-93b4-4e1a-b7c5-2f8e0d4a9c31",
                 "metadata": %s}""".formatted(LOCATION,
                execution.replaceFirst("\\{", "{\"@type\": \"type.googleapis.com/google.cloud.run.v2.Execution\","));
    }

    /** An execution as the API returns it (enums as numbers, as the client asks), with the given fields. */
    private static String execution(String fields) {
        return """
                {"name": "%s",
                 "uid": "5f0e6a7e-0b7d-4a4e-9a51-3c1f6f0e9d2b",
                 "creator": "buildtrace-manager@buildtrace-prod.iam.gserviceaccount.com",
                 "generation": "1",
                 "createTime": "2026-11-28T10:00:00.412365Z",
                 "updateTime": "2026-11-28T10:00:00.412365Z",
                 "launchStage": 4,
                 "job": "buildtrace-worker",
                 "parallelism": 3,
                 "taskCount": 3,
                 "template": {
                   "containers": [{
                     "image": "europe-west1-docker.pkg.dev/buildtrace-prod/buildtrace/buildtrace:0.1.0",
                     "args": ["worker"],
                     "resources": {"limits": {"cpu": "2", "memory": "4Gi"}}
                   }],
                   "maxRetries": 1,
                   "timeout": "21600s",
                   "serviceAccount": "buildtrace-worker@buildtrace-prod.iam.gserviceaccount.com",
                   "executionEnvironment": 2
                 },
                 %s
                 "reconciling": true,
                 "conditions": [
                   {"type": "Completed", "state": 1, "lastTransitionTime": "2026-11-28T10:00:00.412365Z"},
                   {"type": "ResourcesAvailable", "state": 1, "lastTransitionTime": "2026-11-28T10:00:00.412365Z"}
                 ],
                 "observedGeneration": "1",
                 "logUri": "https://console.cloud.google.com/logs/viewer?project=buildtrace-prod",
                 "etag": "\\"CIKs8rIGEJiB3MQB/cHJvamVjdHMvYnVpbGR0cmFjZQ\\""}""".formatted(EXECUTION, fields);
    }
}
