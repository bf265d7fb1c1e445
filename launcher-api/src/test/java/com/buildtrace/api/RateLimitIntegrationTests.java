package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.api.ratelimit.RateLimitProperties;
import com.buildtrace.api.ratelimit.RateLimiter;
import com.buildtrace.api.ratelimit.RequestKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rate limits over HTTP: every response carries the limit headers; the 11th upload within a minute gets 429
 * with Retry-After as a problem detail, and the limit is whole again when the minute is over. Buckets in
 * PostgreSQL are shared by API instances.
 */
class RateLimitIntegrationTests extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theEleventhUploadWithinAMinuteIsRefusedUntilTheMinuteIsOver() throws Exception {
        ApiClient uma = as("limits-uma");
        UUID project = uma.post("/api/v1/projects", "{\"name\": \"Limits\"}").id();
        UUID set = uma.post("/api/v1/projects/" + project + "/sets", "{\"name\": \"Architectural\"}").id();
        String path = "/api/v1/projects/" + project + "/sets/" + set + "/revisions";

        for (int i = 1; i <= 10; i++) {
            ApiClient.Response r = uma.upload(path, Map.of("label", "Rev " + i), List.of(new ApiClient.Part("files",
                    sheetSet("limit-" + i + ".pdf", 1, i % 2 == 0 ? new int[] {0} : new int[0]))));
            assertThat(r.status()).as(r.text()).isIn(201, 409);
            assertThat(r.header("RateLimit-Limit")).isEqualTo("10");
            assertThat(r.header("RateLimit-Remaining")).isEqualTo(Integer.toString(10 - i));
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(10 - i));
            assertThat(Long.parseLong(r.header("RateLimit-Reset"))).isBetween(1L, 60L);
        }
        Path eleventh = sheetSet("limit-11.pdf", 2);

        ApiClient.Response refused = uma.upload(path, Map.of("label", "Rev 11"), List.of(new ApiClient.Part("files",
                eleventh)));

        InvalidInputIntegrationTests.assertProblem(refused, 429, "too many uploads: at most 10 per minute "
                + "(buildtrace.rate-limit.uploads)");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("10");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        // other requests have their own limit meanwhile, and carry its headers too, errors included
        ApiClient.Response list = uma.get("/api/v1/projects/" + project + "/revisions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("RateLimit-Limit")).isEqualTo("1000000");
        assertThat(uma.get("/api/v1/projects/" + UUID.randomUUID()).header("RateLimit-Remaining")).isNotNull();
        assertThat(anonymous().get("/api/v1/projects").header("RateLimit-Limit")).isEqualTo("1000000");

        // when the minute is over, uploads are allowed again
        RATE_CLOCK.advance(Duration.ofSeconds(Long.parseLong(refused.header("Retry-After"))));
        ApiClient.Response later = uma.upload(path, Map.of("label", "Rev 11"), List.of(new ApiClient.Part("files",
                eleventh)));
        assertThat(later.status()).as(later.text()).isEqualTo(201);
        assertThat(later.header("RateLimit-Remaining")).isEqualTo("9");
        // another user's uploads were never limited by uma's
        assertThat(api().get("/api/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void bucketsInPostgresAreSharedByEveryInstance() {
        // two API instances with the database store: 5 comparisons a minute between them
        RateLimitProperties settings = new RateLimitProperties(true, Duration.ofMinutes(1), 10, 5, 60, 600,
                3000, RateLimitProperties.Store.POSTGRES, 1200);
        RateLimiter first = new RateLimiter(settings, RATE_CLOCK, dataSource);
        RateLimiter second = new RateLimiter(settings, RATE_CLOCK, dataSource);
        String who = "user:" + UUID.randomUUID();

        for (int i = 0; i < 5; i++) {
            RateLimiter.Decision d = (i % 2 == 0 ? first : second).consume(who, RequestKind.COMPARISON);
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(4 - i);
        }
        RateLimiter.Decision refused = second.consume(who, RequestKind.COMPARISON);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(first.consume(who, RequestKind.OTHER).remaining()).isEqualTo(59);
        RATE_CLOCK.advance(Duration.ofMinutes(1));
        assertThat(first.consume(who, RequestKind.COMPARISON).remaining()).isEqualTo(4);
    }
}
