package com.buildtrace.api;

import com.buildtrace.api.auth.JwtKeys;
import com.buildtrace.fixtures.Sheets;
import com.buildtrace.testing.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.bucket4j.TimeMeter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The launcher API on a random port over real HTTP, on the test PostgreSQL, with its drawing store in a
 * temporary folder. All API integration tests share this one application context. Callers sign in for real:
 * through the development sign-in ({@link #api()} is the local user, {@link #as(String)} anyone else), so every
 * request goes through the token checks and project membership; Google sign-in is pointed at a local OpenID
 * provider ({@link #OIDC}). E-mail goes to a local SMTP server that keeps what it receives ({@link #SMTP}), and
 * links in what the server sends start with {@code https://buildtrace.test}. The access tokens are signed with keys made here ({@link #SIGNING_KEY} signs,
 * {@link #OLD_KEY} still verifies, as during a key rotation). The rate limits are the real ones for uploads
 * (10 a minute) and generous for the rest; their clock ({@link #RATE_CLOCK}) moves an hour ahead before each
 * test, so each test starts with full buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {LauncherApiApplication.class, ApiIntegrationTest.TestClock.class})
abstract class ApiIntegrationTest {

    static final ECKey SIGNING_KEY = JwtKeys.generate("test-2026");

    static final ECKey OLD_KEY = JwtKeys.generate("test-2025");

    static final OidcProviderStub OIDC = OidcProviderStub.start();

    static final ManualClock RATE_CLOCK = new ManualClock();

    /** The SMTP server of {@code spring.mail.*}: it accepts mail to any address and keeps it. */
    static final GreenMail SMTP = startSmtp();

    /** Tokens of the users signed in so far (valid an hour; the suite takes minutes). */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

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
        TestDatabase.register(registry);
        registry.add("buildtrace.storage.root", STORE::toString);
        registry.add("buildtrace.api.max-set-size", () -> "3MB");
        registry.add("buildtrace.uploads.chunk-size", () -> "64KB");
        registry.add("buildtrace.api.dpi", () -> "100");
        registry.add("buildtrace.workers.count", () -> "1");
        registry.add("buildtrace.job.threads", () -> "1");
        registry.add("buildtrace.schedule.check-every", () -> "1h");
        registry.add("buildtrace.schedule.token", () -> "scheduler-secret");
        registry.add("buildtrace.auth.dev-login", () -> "true");
        registry.add("buildtrace.auth.jwt.keys", () -> new JWKSet(List.of(OLD_KEY, SIGNING_KEY)).toString(false));
        registry.add("buildtrace.auth.jwt.signing-key", SIGNING_KEY::getKeyID);
        registry.add("buildtrace.auth.google.client-id", () -> OidcProviderStub.CLIENT_ID);
        registry.add("buildtrace.auth.google.client-secret", () -> OidcProviderStub.CLIENT_SECRET);
        registry.add("buildtrace.auth.google.issuer-uri", OIDC::issuer);
        registry.add("buildtrace.auth.google.allowed-domains", () -> "example.test,buildtrace.test");
        registry.add("buildtrace.auth.google.success-redirect", () -> "/welcome");
        registry.add("buildtrace.rate-limit.comparisons", () -> "100000");
        registry.add("buildtrace.rate-limit.other", () -> "1000000");
        registry.add("buildtrace.webhooks.poll-every", () -> "200ms");
        registry.add("buildtrace.webhooks.retry-delays", () -> "300ms,300ms,300ms,300ms");
        registry.add("buildtrace.webhooks.disable-after", () -> "3");
        registry.add("buildtrace.webhooks.timeout", () -> "5s");
        registry.add("buildtrace.webhooks.allow-local-http", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("buildtrace.notifications.from", () -> "BuildTrace <notifications@buildtrace.test>");
        registry.add("buildtrace.notifications.poll-every", () -> "200ms");
        registry.add("buildtrace.notifications.retry-delays", () -> "300ms,300ms");
        registry.add("buildtrace.notifications.allow-local-http", () -> "true");
        registry.add("buildtrace.api.public-url", () -> "https://buildtrace.test/");
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        return smtp;
    }

    /** The rate limits' clock, which tests advance. */
    @TestConfiguration
    static class TestClock {

        @Bean
        TimeMeter rateLimitClock() {
            return RATE_CLOCK;
        }
    }

    @BeforeEach
    void fullRateLimitBuckets() {
        RATE_CLOCK.advance(Duration.ofHours(1));
    }

    /** A client signed in as the local user (the development sign-in's default). */
    ApiClient api() {
        return anonymous().bearer(TOKENS.computeIfAbsent("local@localhost", email -> signIn(null)));
    }

    /** A client signed in as {@code user}@example.test (created at its first sign-in). */
    ApiClient as(String user) {
        return anonymous().bearer(TOKENS.computeIfAbsent(user + "@example.test", this::signIn));
    }

    /** A client that sends no credential. */
    ApiClient anonymous() {
        return new ApiClient(port);
    }

    /** Signs in through the development sign-in; returns the access token. */
    String signIn(String email) {
        ApiClient.Response r = anonymous().post("/api/v1/auth/dev/login",
                email == null ? "{}" : "{\"email\": \"" + email + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("development sign-in failed: " + r.status() + " " + r.text());
        }
        return r.json().get("accessToken").asString();
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
        return awaitEnd(api(), comparison);
    }

    /** As {@link #awaitEnd(UUID)}, looking as {@code client}. */
    JsonNode awaitEnd(ApiClient client, UUID comparison) {
        return awaitStatus(client, comparison, "completed", "failed", "cancelled");
    }

    JsonNode awaitStatus(UUID comparison, String... statuses) {
        return awaitStatus(api(), comparison, statuses);
    }

    JsonNode awaitStatus(ApiClient client, UUID comparison, String... statuses) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = client.get("/api/v1/comparisons/" + comparison).json();
            return last[0].has("status") && List.of(statuses).contains(last[0].get("status").asString());
        });
        return last[0];
    }
}
