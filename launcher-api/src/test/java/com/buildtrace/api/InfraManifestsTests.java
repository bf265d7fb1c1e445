package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.db.DatabaseProperties;
import com.buildtrace.testing.ContainerEnvironment;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes and Cloud Run manifests of {@code infra/} parse and hold together: every object has its
 * apiVersion, kind and name; the API's Deployment, Service and autoscaler point at each other; probes go to the
 * health groups the API serves publicly; containers say what they need; the roles are the image's.
 */
class InfraManifestsTests {

    static final Path INFRA = Path.of("..", "infra");

    @Test
    void everyManifestParsesAndNamesItsKind() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        all.addAll(objects("kubernetes"));
        all.addAll(objects("cloudrun"));

        assertThat(all).hasSizeGreaterThanOrEqualTo(12).allSatisfy(o -> {
            assertThat(o).containsKeys("apiVersion", "kind", "metadata");
            // a name, or a prefix for the objects created from it (the manager Job)
            assertThat(map(o, "metadata")).containsAnyOf(Map.entry("name", String.valueOf(map(o, "metadata")
                    .get("name"))), Map.entry("generateName", "buildtrace-compare-"));
        });
        assertThat(all).extracting(o -> o.get("kind") + "/" + map(o, "metadata").get("name"))
                .contains("Deployment/buildtrace-api", "Service/buildtrace-api",
                        "HorizontalPodAutoscaler/buildtrace-api", "ConfigMap/buildtrace-api",
                        "CronJob/buildtrace-schedule", "Job/buildtrace-worker-42-x7k2p", "Job/buildtrace-worker",
                        "Job/buildtrace-manager");
    }

    @Test
    void theApiDeploymentServiceAndAutoscalerFitTogether() throws IOException {
        List<Map<String, Object>> k8s = objects("kubernetes");
        Map<String, Object> deployment = find(k8s, "Deployment", "buildtrace-api");
        Map<String, Object> service = find(k8s, "Service", "buildtrace-api");
        Map<String, Object> hpa = find(k8s, "HorizontalPodAutoscaler", "buildtrace-api");

        Map<String, Object> spec = map(deployment, "spec");
        Map<String, Object> podLabels = map(map(map(spec, "template"), "metadata"), "labels");
        assertThat(podLabels).containsAllEntriesOf(map(map(spec, "selector"), "matchLabels"));
        assertThat(podLabels).containsAllEntriesOf(map(map(service, "spec"), "selector"));
        assertThat(map(map(hpa, "spec"), "scaleTargetRef")).containsEntry("kind", "Deployment")
                .containsEntry("name", "buildtrace-api");
        assertThat((int) map(hpa, "spec").get("minReplicas")).isGreaterThanOrEqualTo(2);

        Map<String, Object> pod = map(map(spec, "template"), "spec");
        Map<String, Object> api = list(pod, "containers").get(0);
        assertThat(api.get("args")).isEqualTo(List.of("serve"));
        assertThat(list(api, "ports").get(0)).containsEntry("name", "http").containsEntry("containerPort", 8080);
        assertThat(list(map(service, "spec"), "ports").get(0)).containsEntry("targetPort", "http");
        assertThat(map(map(api, "livenessProbe"), "httpGet")).containsEntry("path", "/actuator/health/liveness");
        assertThat(map(map(api, "readinessProbe"), "httpGet")).containsEntry("path", "/actuator/health/readiness");
        assertThat(map(map(api, "resources"), "requests")).containsKeys("cpu", "memory");
        assertThat(map(map(api, "resources"), "limits")).containsKey("memory");
        // the settings and secrets it reads exist as manifests or templates
        assertThat(list(api, "envFrom")).extracting(e -> e.keySet().iterator().next() + ":"
                + ((Map<?, ?>) e.values().iterator().next()).get("name"))
                .containsExactly("secretRef:buildtrace-db", "configMapRef:buildtrace-api");
        assertThat(pod.get("serviceAccountName")).isEqualTo("buildtrace-manager");
        assertThat(find(k8s, "ServiceAccount", "buildtrace-manager")).isNotNull();
        assertThat(find(k8s, "Secret", "buildtrace-db")).isNotNull();
    }

    @Test
    void theWorkerTemplatesAndTheScheduleUseTheImageAndTheApi() throws IOException {
        List<Map<String, Object>> k8s = objects("kubernetes");
        Map<String, Object> workers = find(k8s, "Job", "buildtrace-worker-42-x7k2p");
        assertThat(map(workers, "spec")).containsEntry("completionMode", "Indexed");
        Map<String, Object> cron = find(k8s, "CronJob", "buildtrace-schedule");
        List<Map<String, Object>> containers = list(map(map(map(map(map(cron, "spec"), "jobTemplate"), "spec"),
                "template"), "spec"), "containers");
        assertThat(containers.get(0).get("args").toString()).contains("http://buildtrace-api/api/v1/schedule/run");
        Map<String, Object> cloudRunJob = find(objects("cloudrun"), "Job", "buildtrace-worker");
        assertThat(cloudRunJob.get("apiVersion")).isEqualTo("run.googleapis.com/v1");
    }

    @Test
    void theCloudRunServiceServesTheApiWithItsProbes() throws IOException {
        Map<String, Object> service = find(objects("cloudrun"), "Service", "buildtrace-api");
        assertThat(service.get("apiVersion")).isEqualTo("serving.knative.dev/v1");
        Map<String, Object> container = list(map(map(map(service, "spec"), "template"), "spec"), "containers").get(0);
        assertThat(container.get("args")).isEqualTo(List.of("serve"));
        assertThat(list(container, "ports").get(0)).containsEntry("containerPort", 8080);
        assertThat(map(map(container, "startupProbe"), "httpGet")).containsEntry("path", "/actuator/health/readiness");
        assertThat(map(map(container, "livenessProbe"), "httpGet")).containsEntry("path", "/actuator/health/liveness");
        assertThat(map(map(container, "resources"), "limits")).containsKeys("cpu", "memory");
        assertThat(list(container, "env")).extracting(e -> e.get("name"))
                .contains("BUILDTRACE_DB_CLOUDSQL_INSTANCE", "BUILDTRACE_MONITORING_SCRAPE_PASSWORD",
                        "BUILDTRACE_WORKERS_MODE");
    }

    @Test
    void theCloudRunManagerJobComparesWithTheWorkerJobOnTheSameDatabaseAndBucket() throws IOException {
        List<Map<String, Object>> cloudRun = objects("cloudrun");
        Map<String, Object> manager = find(cloudRun, "Job", "buildtrace-manager");
        Map<String, Object> workers = find(cloudRun, "Job", "buildtrace-worker");
        assertThat(manager.get("apiVersion")).isEqualTo("run.googleapis.com/v1");

        Map<String, Object> task = map(map(map(map(manager, "spec"), "template"), "spec"), "template");
        Map<String, Object> workerTask = map(map(map(map(workers, "spec"), "template"), "spec"), "template");
        assertThat(map(task, "spec")).containsEntry("maxRetries", 0);
        Map<String, Object> container = list(map(task, "spec"), "containers").get(0);
        Map<String, Object> workerContainer = list(map(workerTask, "spec"), "containers").get(0);
        assertThat(container.get("args")).isEqualTo(List.of("compare", "/data/old.pdf", "/data/new.pdf", "--out",
                "/data/out"));
        List<Map<String, Object>> env = list(container, "env");
        assertThat(env).extracting(e -> e.get("name") + "=" + e.get("value")).contains(
                "BUILDTRACE_WORKERS_MODE=CLOUD_RUN", "BUILDTRACE_WORKERS_CLOUDRUN_JOB=" + map(workers, "metadata")
                        .get("name"), "BUILDTRACE_WORKERS_CLOUDRUN_PROJECT=PROJECT_ID",
                "BUILDTRACE_WORKERS_CLOUDRUN_REGION=REGION");
        // the database secrets and the bucket at /data are the workers' own
        List<Map<String, Object>> workerSecrets = list(workerContainer, "env").stream()
                .filter(e -> e.containsKey("valueFrom")).toList();
        assertThat(env).containsAll(workerSecrets).extracting(e -> e.get("name"))
                .contains("BUILDTRACE_DB_USER", "BUILDTRACE_DB_PASSWORD");
        assertThat(env).containsAll(list(workerContainer, "env").stream()
                .filter(e -> String.valueOf(e.get("name")).startsWith("BUILDTRACE_DB_CLOUDSQL_")).toList());
        assertThat(list(container, "volumeMounts")).isEqualTo(list(workerContainer, "volumeMounts"));
        assertThat(list(map(task, "spec"), "volumes")).isEqualTo(list(map(workerTask, "spec"), "volumes"));
        // and its task outlasts the workers' tasks it waits for
        assertThat(Integer.parseInt((String) map(task, "spec").get("timeoutSeconds")))
                .isGreaterThan(Integer.parseInt((String) map(workerTask, "spec").get("timeoutSeconds")));
        assertThat(map(map(container, "resources"), "limits")).containsKeys("cpu", "memory");
    }

    @Test
    void cloudRunReachesCloudSqlThroughTheSocketItsAnnotationMounts() throws IOException {
        // the placeholders as the deploy commands replace them (whole words: variable names keep theirs)
        Map<String, String> placeholders = Map.of("PROJECT_ID", "acme-drawings", "REGION", "europe-west1",
                "INSTANCE", "buildtrace-prod", "IMAGE", "europe-west1-docker.pkg.dev/acme-drawings/bt/buildtrace:1",
                "BUCKET", "acme-drawings-sets");
        for (String file : List.of("api-service.yaml", "worker-job.yaml", "manager-job.yaml")) {
            String text = Files.readString(INFRA.resolve("cloudrun").resolve(file));
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                text = text.replaceAll("\\b" + p.getKey() + "\\b", p.getValue());
            }
            Map<String, Object> object = new Yaml().load(text);
            Map<String, Object> template = map(map(object, "spec"), "template");
            Map<String, Object> podSpec = "Service".equals(object.get("kind")) ? map(template, "spec")
                    : map(map(map(template, "spec"), "template"), "spec");
            Map<String, Object> container = list(podSpec, "containers").get(0);
            Map<String, Object> env = new HashMap<>();
            list(container, "env").stream().filter(e -> e.containsKey("value"))
                    .forEach(e -> env.put((String) e.get("name"), e.get("value")));

            assertThat(map(map(template, "metadata"), "annotations"))
                    .as(file).containsEntry("run.googleapis.com/cloudsql-instances",
                            "acme-drawings:europe-west1:buildtrace-prod");
            assertThat(list(container, "env")).as(file).extracting(e -> e.get("name"))
                    .contains("BUILDTRACE_DB_CLOUDSQL_INSTANCE", "BUILDTRACE_DB_CLOUDSQL_UNIXSOCKET", "BUILDTRACE_DB_USER",
                            "BUILDTRACE_DB_PASSWORD").doesNotContain("BUILDTRACE_DB_URL");
            // the settings bind as the application binds them, to the connector on the mounted socket
            DatabaseProperties db = DatabaseProperties.of(ContainerEnvironment.of(env));
            assertThat(db.jdbcUrl()).as(file).isEqualTo("jdbc:postgresql:///buildtrace"
                    + "?cloudSqlInstance=acme-drawings:europe-west1:buildtrace-prod"
                    + "&socketFactory=com.google.cloud.sql.postgres.SocketFactory"
                    + "&unixSocketPath=/cloudsql/acme-drawings:europe-west1:buildtrace-prod&sslmode=disable");
        }
    }

    @Test
    void theCloudSqlProxyVariantPatchesTheApiAndTheManagerWithOneSidecarOnTheSecretsPort() throws IOException {
        List<Map<String, Object>> base = objects("kubernetes");
        List<Map<String, Object>> patches = objects("kubernetes/cloud-sql-proxy");
        Map<String, Object> api = find(patches, "Deployment", "buildtrace-api");
        Map<String, Object> manager = patches.stream().filter(o -> "Job".equals(o.get("kind"))).findFirst().orElseThrow();

        // each patch is of an object of infra/kubernetes
        assertThat(find(base, "Deployment", "buildtrace-api")).isNotNull();
        assertThat(find(base, "ConfigMap", "buildtrace-api")).isNotNull();
        assertThat(map(manager, "metadata")).isEqualTo(Map.of("generateName", "buildtrace-compare-"));
        assertThat(base).filteredOn(o -> "Job".equals(o.get("kind")))
                .anySatisfy(o -> assertThat(map(o, "metadata")).containsEntry("generateName", "buildtrace-compare-"));

        // one sidecar: a native one (an init container that keeps running), started when its startup check answers
        Map<String, Object> sidecar = list(map(map(map(api, "spec"), "template"), "spec"), "initContainers").get(0);
        assertThat(list(map(map(map(manager, "spec"), "template"), "spec"), "initContainers")).containsExactly(sidecar);
        assertThat(sidecar).containsEntry("name", "cloud-sql-proxy").containsEntry("restartPolicy", "Always");
        assertThat((String) sidecar.get("image")).startsWith("gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.");
        @SuppressWarnings("unchecked")
        List<String> args = (List<String>) sidecar.get("args");
        assertThat(args).contains("--port=5432", "--health-check", "--http-port=9090", "--exit-zero-on-sigterm")
                .last().isEqualTo("PROJECT_ID:REGION:INSTANCE");
        assertThat(map(map(sidecar, "startupProbe"), "httpGet")).containsEntry("path", "/startup")
                .containsEntry("port", 9090);

        // the workers get the same instance; the Secret of the variant points at the proxy's port
        Map<String, Object> config = find(patches, "ConfigMap", "buildtrace-api");
        assertThat(map(config, "data")).containsEntry("BUILDTRACE_WORKERS_KUBERNETES_CLOUDSQLPROXY_INSTANCE",
                "PROJECT_ID:REGION:INSTANCE");
        assertThat(list(list(map(map(map(manager, "spec"), "template"), "spec"), "containers").get(0), "env"))
                .contains(Map.of("name", "BUILDTRACE_WORKERS_KUBERNETES_CLOUDSQLPROXY_INSTANCE",
                        "value", "PROJECT_ID:REGION:INSTANCE"));
        assertThat(map(find(patches, "Secret", "buildtrace-db"), "stringData"))
                .containsEntry("BUILDTRACE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/buildtrace");
    }

    @Test
    void theApiReadsItsAccessTokenSigningKeysFromASecret() throws IOException {
        Map<String, Object> deployment = find(objects("kubernetes"), "Deployment", "buildtrace-api");
        Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
        assertThat(list(list(pod, "containers").get(0), "env")).filteredOn(e -> "BUILDTRACE_AUTH_JWT_KEYS"
                .equals(e.get("name"))).extracting(e -> map(map(e, "valueFrom"), "secretKeyRef"))
                .containsExactly(Map.of("name", "buildtrace-jwt", "key", "keys"));

        Map<String, Object> service = find(objects("cloudrun"), "Service", "buildtrace-api");
        Map<String, Object> container = list(map(map(map(service, "spec"), "template"), "spec"), "containers").get(0);
        assertThat(list(container, "env")).filteredOn(e -> "BUILDTRACE_AUTH_JWT_KEYS".equals(e.get("name")))
                .extracting(e -> map(map(e, "valueFrom"), "secretKeyRef"))
                .containsExactly(Map.of("name", "buildtrace-jwt-keys", "key", "latest"));
    }

    @Test
    void theApiReadsItsSmtpAccountFromSecretsAndRunsWithoutThem() throws IOException {
        List<Map<String, Object>> k8s = objects("kubernetes");
        Map<String, Object> deployment = find(k8s, "Deployment", "buildtrace-api");
        Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
        List<Map<String, Object>> mail = list(list(pod, "containers").get(0), "env").stream()
                .filter(e -> ((String) e.get("name")).startsWith("SPRING_MAIL_")).toList();
        // every SMTP setting from the Secret, optional: without it e-mail is off and the API still starts
        assertThat(mail).extracting(e -> e.get("name")).containsExactly("SPRING_MAIL_HOST", "SPRING_MAIL_PORT",
                "SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD");
        assertThat(mail).extracting(e -> map(map(e, "valueFrom"), "secretKeyRef"))
                .allSatisfy(ref -> assertThat(ref).containsEntry("name", "buildtrace-smtp")
                        .containsEntry("optional", true));
        Map<String, Object> template = find(k8s, "Secret", "buildtrace-smtp");
        assertThat(map(template, "stringData")).containsOnlyKeys("host", "port", "username", "password");
        assertThat(map(find(k8s, "ConfigMap", "buildtrace-api"), "data")).containsKeys("BUILDTRACE_API_PUBLICURL",
                "BUILDTRACE_NOTIFICATIONS_FROM", "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE");

        Map<String, Object> service = find(objects("cloudrun"), "Service", "buildtrace-api");
        Map<String, Object> container = list(map(map(map(service, "spec"), "template"), "spec"), "containers").get(0);
        assertThat(list(container, "env")).filteredOn(e -> e.containsKey("valueFrom")
                        && ((String) e.get("name")).startsWith("SPRING_MAIL_"))
                .extracting(e -> e.get("name") + "=" + map(map(e, "valueFrom"), "secretKeyRef").get("name"))
                .containsExactly("SPRING_MAIL_HOST=buildtrace-smtp-host", "SPRING_MAIL_USERNAME=buildtrace-smtp-user",
                        "SPRING_MAIL_PASSWORD=buildtrace-smtp-password");
        assertThat(list(container, "env")).extracting(e -> e.get("name"))
                .contains("BUILDTRACE_API_PUBLICURL", "BUILDTRACE_NOTIFICATIONS_FROM");
    }

    @Test
    void cloudBuildTestsBuildsMigratesDeploysAndSmokeTestsInThatOrder() throws IOException {
        Map<String, Object> build = yaml(Path.of("..", "cloudbuild.yaml"));
        List<Map<String, Object>> steps = list(build, "steps");

        assertThat(steps).extracting(s -> s.get("id")).containsExactly("test-database", "test", "image", "migrate",
                "deploy-workers", "deploy-api", "smoke");
        assertThat(steps).allSatisfy(s -> assertThat(s).containsKeys("name", "args"));
        assertThat(steps.get(1).get("args").toString()).contains("mvn -B -Dstyle.color=never verify");
        assertThat(steps.get(2).get("args").toString()).contains("jib:build");
        assertThat(steps.get(3).get("args").toString()).contains("schemas/src/main/resources/db/migration", "migrate");
        assertThat(steps.get(6).get("args").toString()).contains("sh infra/smoke-test.sh");
        assertThat(Files.exists(Path.of("..", "schemas", "src", "main", "resources", "db", "migration"))).isTrue();
        assertThat(Files.isExecutable(SmokeScriptIntegrationTests.SCRIPT)).isTrue();
    }

    @Test
    void gitHubActionsRunTheBuildOnPushAndPullRequestWithPostgres() throws IOException {
        Map<String, Object> ci = yaml(Path.of("..", ".github", "workflows", "ci.yml"));
        // YAML 1.1 reads the key "on" as true
        @SuppressWarnings("unchecked")
        Map<String, Object> on = (Map<String, Object>) (ci.containsKey("on") ? ci.get("on") : ci.get(Boolean.TRUE));

        assertThat(on).containsKeys("push", "pull_request");
        Map<String, Object> job = map(map(ci, "jobs"), "verify");
        assertThat(map(map(map(job, "services"), "postgres"), "env")).containsEntry("POSTGRES_HOST_AUTH_METHOD", "trust");
        assertThat(map(job, "env")).containsEntry("BUILDTRACE_TEST_DB_SERVER", "jdbc:postgresql://127.0.0.1:5432/");
        assertThat(list(job, "steps")).extracting(s -> String.valueOf(s.get("run")))
                .contains("mvn -B -Dstyle.color=never -Dbuildtrace.e2e.chromium=/usr/bin/google-chrome verify");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return new Yaml().load(in);
        }
    }

    private static List<Map<String, Object>> objects(String folder) throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(INFRA.resolve(folder))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader in = Files.newBufferedReader(f)) {
                    for (Object doc : new Yaml().loadAll(in)) {
                        if (doc != null) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> o = (Map<String, Object>) doc;
                            objects.add(o);
                        }
                    }
                }
            }
        }
        return objects;
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(map(o, "metadata").get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> o, String key) {
        return (Map<String, Object>) o.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> o, String key) {
        return (List<Map<String, Object>>) o.get(key);
    }
}
