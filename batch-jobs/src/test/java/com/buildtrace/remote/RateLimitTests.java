package com.buildtrace.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the API's rate-limit headers and pacing requests by them. */
class RateLimitTests {

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> List.of(e.getValue()))), (k, v) -> true);
    }

    @Test
    void readsTheHeadersOrTheirXVariants() {
        assertThat(RateLimit.of(headers(Map.of("RateLimit-Limit", "60", "RateLimit-Remaining", "41",
                "RateLimit-Reset", "17")))).contains(new RateLimit(60, 41, 17));
        assertThat(RateLimit.of(headers(Map.of("X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", "55")))).contains(new RateLimit(10, 0, 55));
        assertThat(RateLimit.of(headers(Map.of("RateLimit-Limit", "60")))).isEmpty();
    }

    @Test
    void pacesRequestsSoThatTheRestOfThePeriodIsCovered() {
        Duration two = Duration.ofSeconds(2);
        assertThat(new RateLimit(60, 59, 60).pace(two)).isEqualTo(two);
        assertThat(new RateLimit(60, 4, 30).pace(two)).isEqualTo(Duration.ofMillis(7500));
        assertThat(new RateLimit(60, 0, 30).pace(two)).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void retryAfterIsSecondsOrADateElseTheResetElseTheFallback() {
        Duration fallback = Duration.ofSeconds(5);
        assertThat(RateLimit.retryAfter(headers(Map.of("Retry-After", "3")), fallback)).isEqualTo(Duration.ofSeconds(3));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        assertThat(RateLimit.retryAfter(headers(Map.of("Retry-After", inAMinute)), fallback))
                .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        assertThat(RateLimit.retryAfter(headers(Map.of("RateLimit-Reset", "12")), fallback))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(RateLimit.retryAfter(headers(Map.of()), fallback)).isEqualTo(fallback);
    }
}
