package com.buildtrace.remote;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rate limit an answer reports ({@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset} in seconds, or
 * their {@code X-} variants): how many requests of its kind are left and when the allowance is whole again.
 *
 * @param limit requests per period
 * @param remaining requests left in this period
 * @param resetSeconds seconds until the period ends
 */
record RateLimit(long limit, long remaining, long resetSeconds) {

    /** The limit an answer reports, if it reports one. */
    static Optional<RateLimit> of(HttpHeaders headers) {
        OptionalLong limit = number(headers, "RateLimit-Limit");
        OptionalLong remaining = number(headers, "RateLimit-Remaining");
        OptionalLong reset = number(headers, "RateLimit-Reset");
        if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(limit.getAsLong(), remaining.getAsLong(), reset.getAsLong()));
    }

    /**
     * How long to wait before the next poll so that polling never runs out of requests: at least {@code interval},
     * and the requests left spread over the rest of the period (other clients of the same user, such as the web
     * UI, share the allowance).
     */
    Duration pace(Duration interval) {
        if (remaining <= 0) {
            return max(interval, Duration.ofSeconds(resetSeconds + 1));
        }
        return max(interval, Duration.ofMillis((resetSeconds * 1000 + remaining - 1) / remaining));
    }

    /**
     * How long a refused request must wait: {@code Retry-After} (seconds or an HTTP date), else until the
     * period's reset, else {@code fallback}.
     */
    static Duration retryAfter(HttpHeaders headers, Duration fallback) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isPresent()) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value.get())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration until = Duration.between(ZonedDateTime.now(),
                            ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME));
                    return until.isNegative() ? Duration.ZERO : until;
                } catch (DateTimeParseException notADate) {
                    // neither form: fall through to the reset or the fallback
                }
            }
        }
        OptionalLong reset = number(headers, "RateLimit-Reset");
        return reset.isPresent() ? Duration.ofSeconds(reset.getAsLong()) : fallback;
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        Optional<String> v = headers.firstValue(name).or(() -> headers.firstValue("X-" + name));
        try {
            return v.isPresent() ? OptionalLong.of(Long.parseLong(v.get().strip())) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
