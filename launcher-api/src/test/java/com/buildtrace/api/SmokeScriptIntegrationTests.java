package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code infra/smoke-test.sh}, the check cloudbuild.yaml runs after a deployment, run against this API on its
 * random port: with a project's API key it passes every check; with a revoked key it fails and says where.
 */
class SmokeScriptIntegrationTests extends ApiIntegrationTest {

    static final Path SCRIPT = Path.of("..", "infra", "smoke-test.sh");

    @Test
    void passesAgainstTheRunningApiWithAProjectsApiKey() throws Exception {
        // given a smoke-test project, an API key limited to it, and two tiny revisions (one sheet changed)
        UUID project = project("Smoke test");
        String key = apiKey(project).json().get("key").asString();
        Path old = sheetSet("smoke-a.pdf", 1);
        Path changed = sheetSet("smoke-b.pdf", 1, 0);

        // when the script runs
        Result r = smoke(key, project, old, changed);

        // then every check passed, in order
        assertThat(r.exit()).as(r.out()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("smoke: /health UP");
        assertThat(lines.get(1)).isEqualTo("smoke: /api/v1/auth/me without credentials 401");
        assertThat(lines.get(2)).matches("smoke: comparison [0-9a-f-]{36} accepted \\(202\\)");
        String id = lines.get(2).substring(18, 54);
        assertThat(lines.get(3)).matches("smoke: comparison " + id + " completed in \\d+ s");
        assertThat(lines.get(4)).isEqualTo("smoke: result.json of " + id + " read; all checks passed");
        assertThat(api().get("/api/v1/comparisons/" + id).json().get("counts").get("changed").asInt()).isEqualTo(1);
    }

    @Test
    void failsNamingTheCheckWhenTheKeyIsRevoked() throws Exception {
        UUID project = project("Smoke test, revoked");
        ApiClient.Response key = apiKey(project);
        assertThat(api().delete("/api/v1/keys/" + key.id()).status()).isEqualTo(204);

        Result r = smoke(key.json().get("key").asString(), project, sheetSet("smoke-c.pdf", 1), sheetSet("smoke-d.pdf", 1, 0));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("smoke: /health UP").containsPattern("smoke: FAIL: comparing .* answered 401");
    }

    private ApiClient.Response apiKey(UUID project) {
        ApiClient.Response created = api().post("/api/v1/keys",
                "{\"name\": \"smoke test\", \"projects\": [\"" + project + "\"]}");
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    private record Result(int exit, String out) {
    }

    private Result smoke(String key, UUID project, Path old, Path changed) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", SCRIPT.toString(), "http://localhost:" + port + "/",
                old.toString(), changed.toString()).redirectErrorStream(true);
        pb.environment().put("BUILDTRACE_SMOKE_API_KEY", key);
        pb.environment().put("BUILDTRACE_SMOKE_PROJECT", project.toString());
        pb.environment().put("BUILDTRACE_SMOKE_TIMEOUT", "120");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
