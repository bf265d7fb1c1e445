package com.buildtrace.api;

import com.buildtrace.api.system.Caller;
import com.buildtrace.api.system.CallerResolver;
import com.buildtrace.fixtures.Sheets;
import com.buildtrace.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The launcher API on a random port over real HTTP, on the test PostgreSQL, with its drawing store in a
 * temporary folder. All API integration tests share this one application context. Callers are told apart by
 * an {@code X-Test-User} header (a stand-in for sign-in), so tests can prove what another user cannot see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {LauncherApiApplication.class, ApiIntegrationTest.TestCallers.class})
abstract class ApiIntegrationTest {

    static final Path STORE;

    static final Path FIXTURES;

    static {
        try {
            STORE = Files.createTempDirectory("buildtrace-api-store-");
            FIXTURES = Files.createTempDirectory("buildtrace-api-fixtures-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("buildtrace.db.url", TestDatabase::use);
        registry.add("buildtrace.db.user", TestDatabase::user);
        registry.add("buildtrace.db.password", TestDatabase::password);
        registry.add("buildtrace.storage.root", STORE::toString);
        registry.add("buildtrace.api.max-set-size", () -> "3MB");
        registry.add("buildtrace.api.dpi", () -> "100");
        registry.add("buildtrace.workers.count", () -> "1");
        registry.add("buildtrace.job.threads", () -> "1");
        registry.add("buildtrace.schedule.check-every", () -> "1h");
        registry.add("buildtrace.schedule.token", () -> "scheduler-secret");
    }

    /** Sign-in comes later: here the caller is whoever the X-Test-User header names (default: local). */
    @TestConfiguration
    static class TestCallers {

        @Bean
        @Primary
        CallerResolver testCallerResolver() {
            return request -> {
                String user = request.getHeader("X-Test-User");
                return user == null ? Caller.LOCAL : new Caller(user);
            };
        }
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    /** A new project of the default caller. */
    UUID project(String name) {
        return api().post("/api/v1/projects", "{\"name\": \"" + name + "\"}").id();
    }

    UUID drawingSet(UUID project, String name) {
        return api().post("/api/v1/projects/" + project + "/sets", "{\"name\": \"" + name + "\"}").id();
    }

    ApiClient.Response uploadRevision(UUID project, UUID set, String label, Path... files) {
        return api().upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of("label", label),
                java.util.Arrays.stream(files).map(f -> new ApiClient.Part("files", f)).toList());
    }

    /**
     * A set of tabloid sheets, ... written as one PDF; {@code edited} sheets carry a changed
     * dimension (a real change the comparison must find).
     */
    static Path sheetSet(String name, int sheets, int... edited) throws IOException {
        List<Sheets.Sheet> list = new ArrayList<>();
        for (int i = 0; i < sheets; i++) {
            int index = i;
            boolean edit = java.util.Arrays.stream(edited).anyMatch(e -> e == index);
            list.add(Sheets.Sheet.of("A-" + (101 + i), edit ? Sheets.plan("17'-2\"", true) : Sheets.PLAN));
        }
        return Sheets.write(FIXTURES.resolve(name), list);
    }

    /** Waits until the comparison has ended (completed, failed or cancelled) and returns it. */
    JsonNode awaitEnd(UUID comparison) {
        return awaitStatus(comparison, "completed", "failed", "cancelled");
    }

    JsonNode awaitStatus(UUID comparison, String... statuses) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = api().get("/api/v1/comparisons/" + comparison).json();
            return List.of(statuses).contains(last[0].get("status").asString());
        });
        return last[0];
    }
}
