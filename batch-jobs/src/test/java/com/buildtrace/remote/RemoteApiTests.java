package com.buildtrace.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** How the remote commands talk to the API: the key they send, rate limits, and every kind of failure. */
class RemoteApiTests extends RemoteCommandTest {

    final UUID id = UUID.randomUUID();

    @Test
    void sendsTheKeyAsABearerTokenToTheApiPath() throws Exception {
        server.enqueue(json(200, comparison(id, "completed", 1, 1, "A-101:unchanged")));

        assertThat(run("status", id.toString())).isZero();

        RecordedRequest r = server.takeRequest();
        assertThat(r.getPath()).isEqualTo("/api/v1/comparisons/" + id);
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(out()).contains("Comparison " + id + ": completed",
                "1 of 1 done: 0 changed, 0 added, 0 removed, 1 unchanged, 0 failed",
                "web     " + url() .replaceAll("/$", "") + "/#/comparisons/" + id);
    }

    @Test
    void waitsAsLongAsRetryAfterSaysWhenRateLimitedThenTriesAgain() {
        server.enqueue(problem(429, "too many requests: at most 60 per minute").setHeader("Retry-After", "7")
                .setHeader("RateLimit-Limit", "60").setHeader("RateLimit-Remaining", "0")
                .setHeader("RateLimit-Reset", "40"));
        server.enqueue(json(200, comparison(id, "running", 0, 2)));

        assertThat(run("status", id.toString())).isZero();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(err()).contains("rate limited by the API (too many requests: at most 60 per minute); "
                + "trying again in 7 s");
        assertThat(out()).contains(": running");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void waitsForTheResetWhenA429HasNoRetryAfter() {
        server.enqueue(problem(429, "slow down").setHeader("RateLimit-Limit", "60")
                .setHeader("RateLimit-Remaining", "0").setHeader("RateLimit-Reset", "12"));
        server.enqueue(json(200, comparison(id, "queued", 0, 0)));

        assertThat(run("status", id.toString())).isZero();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void givesUpAfterTenRefusalsInARow() {
        for (int i = 0; i < 11; i++) {
            server.enqueue(problem(429, "too many requests").setHeader("Retry-After", "1"));
        }

        assertThat(run("status", id.toString())).isEqualTo(RemoteExitCodes.FAILED);

        assertThat(sleeps).hasSize(10);
        assertThat(err()).endsWith("buildtrace: too many requests" + System.lineSeparator());
    }

    @Test
    void aRejectedKeyIsSaidSoWithItsOwnExitCode() {
        server.enqueue(problem(401, "the API key is not valid or was revoked"));

        assertThat(run("status", id.toString())).isEqualTo(RemoteExitCodes.NOT_SIGNED_IN);

        assertThat(err()).startsWith("buildtrace: API key rejected by " + url().replaceAll("/$", "")
                + " (the API key is not valid or was revoked)");
    }

    @Test
    void anAddressThatIsNotTheApiIsSaidSo() {
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody("<html>a web site</html>"));
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "text/html")
                .setBody("<html>not here</html>"));

        assertThat(run("status", id.toString())).isEqualTo(RemoteExitCodes.UNREACHABLE);
        assertThat(err()).contains("does not look like a BuildTrace API: GET /api/v1/comparisons/" + id
                + " answered 200 text/html; check the address");
        assertThat(run("status", id.toString())).isEqualTo(RemoteExitCodes.UNREACHABLE);
        assertThat(err()).contains("answered 404 text/html");
    }

    @Test
    void anUnknownComparisonIsTheApisProblemDetail() {
        server.enqueue(problem(404, "no comparison " + id));

        assertThat(run("status", id.toString())).isEqualTo(RemoteExitCodes.FAILED);

        assertThat(err().strip()).isEqualTo("buildtrace: no comparison " + id);
    }

    @Test
    void aServerThatCannotBeReachedFailsAtOnceWithoutRetrying() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        variables.put(Credentials.URL_VARIABLE, "http://localhost:" + closed);

        assertThat(run("status", id.toString())).isEqualTo(RemoteExitCodes.UNREACHABLE);

        assertThat(sleeps).isEmpty();
        assertThat(err()).contains("cannot reach http://localhost:" + closed + " (connection refused)");
    }

    @Test
    void gatewayErrorsOfReadsAreRetriedAndServerErrorsAreNot() {
        server.enqueue(json(200, comparison(id, "running", 0, 1)));
        server.enqueue(problem(503, "unavailable"));
        server.enqueue(json(200, comparison(id, "completed", 1, 1, "A-101:changed")));

        assertThat(run("watch", id.toString())).isZero();
        // the poll interval, then the first back-off step after the 503
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));

        server.enqueue(problem(500, "the database is gone"));
        assertThat(run("status", id.toString())).isEqualTo(RemoteExitCodes.UNREACHABLE);
        assertThat(err()).contains("failed on GET /api/v1/comparisons/" + id + ": 500 the database is gone");
    }

    @Test
    void withoutCredentialsItSaysHowToSignIn() {
        variables.clear();

        assertThat(run("list")).isEqualTo(RemoteExitCodes.NOT_SIGNED_IN);

        assertThat(err()).contains("not signed in: run 'buildtrace remote login --url https://...'");
        assertThat(server.getRequestCount()).isZero();
    }
}
