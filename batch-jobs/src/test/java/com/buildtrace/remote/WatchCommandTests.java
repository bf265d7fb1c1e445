package com.buildtrace.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** {@code remote watch}: polling paced by the rate limit, a line per finished sheet, and the exit code of the end. */
class WatchCommandTests extends RemoteCommandTest {

    final UUID id = UUID.randomUUID();

    private static MockResponse limited(MockResponse r, int remaining, int reset) {
        return r.setHeader("RateLimit-Limit", "60").setHeader("RateLimit-Remaining", Integer.toString(remaining))
                .setHeader("RateLimit-Reset", Integer.toString(reset));
    }

    @Test
    void followsSheetBySheetToTheEndAndSlowsDownWhenFewRequestsAreLeft() {
        // given a comparison that runs while the caller's allowance runs low
        server.enqueue(limited(json(200, comparison(id, "queued", 0, 0)), 50, 60));
        server.enqueue(limited(json(200, comparison(id, "running", 1, 3, "A-101:changed", "A-102:pending",
                "A-103:pending")), 2, 30));
        server.enqueue(limited(json(200, comparison(id, "completed", 3, 3, "A-101:changed", "A-102:unchanged",
                "A-103:failed:002.pdf page 3: the page cannot be rendered")), 1, 28));

        // when it is watched every 2 s
        int code = run("watch", id.toString(), "--interval", "2");

        // then: every 2 s while requests are plenty, then the 2 left spread over the 30 s to the reset
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(15));
        assertThat(err()).contains("comparison " + id + ": queued", "comparison " + id + ": running",
                "[1/3] A-101        changed   3 regions, 1 text change",
                "[2/3] A-102        unchanged",
                "[3/3] A-103        failed    002.pdf page 3: the page cannot be rendered",
                "comparison " + id + ": completed",
                "buildtrace: 1 sheet failed (reasons above)");
        assertThat(out()).contains("Comparison " + id + ": completed",
                "3 of 3 done: 1 changed, 0 added, 0 removed, 1 unchanged, 1 failed",
                "    A-103        failed    002.pdf page 3: the page cannot be rendered");
        assertThat(code).isEqualTo(RemoteExitCodes.SOME_SHEETS_FAILED);
    }

    @Test
    void waitsOutA429WhileWatching() {
        server.enqueue(json(200, comparison(id, "running", 0, 1, "A-101:pending")));
        server.enqueue(problem(429, "too many requests").setHeader("Retry-After", "9"));
        server.enqueue(json(200, comparison(id, "completed", 1, 1, "A-101:changed")));

        assertThat(run("watch", id.toString())).isEqualTo(RemoteExitCodes.OK);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(9));
    }

    @Test
    void aFailedOrCancelledComparisonEndsTheWatchWithExitCode1() {
        server.enqueue(json(200, comparison(id, "running", 0, 2)));
        server.enqueue(json(200, comparison(id, "failed", 0, 2).replace("\"error\": null",
                "\"error\": \"old.pdf is encrypted\"")));
        assertThat(run("watch", id.toString())).isEqualTo(RemoteExitCodes.FAILED);
        assertThat(err()).contains("buildtrace: comparison " + id + " failed: old.pdf is encrypted");

        server.enqueue(json(200, comparison(id, "cancelled", 1, 2)));
        assertThat(run("watch", id.toString())).isEqualTo(RemoteExitCodes.FAILED);
        assertThat(err()).contains("buildtrace: comparison " + id + " was cancelled");
    }

    @Test
    void refusesAnIntervalShorterThanOneSecond() {
        assertThat(run("watch", id.toString(), "--interval", "0")).isEqualTo(RemoteExitCodes.USAGE);
        assertThat(err()).contains("--interval must be at least 1 s");
        assertThat(server.getRequestCount()).isZero();
    }
}
