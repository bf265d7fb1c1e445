package com.buildtrace.api.schedule;

import com.buildtrace.api.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/schedule/run}: runs the schedules that came due, for an outside scheduler (a Kubernetes
 * CronJob, or Cloud Scheduler while the API on Cloud Run is scaled to zero). Needs the configured scheduler
 * token; without a configured token it answers 404.
 */
@RestController
@Tag(name = "Schedule")
class ScheduleController {

    private final CompareScheduler scheduler;

    private final SchedulerProperties properties;

    ScheduleController(CompareScheduler scheduler, SchedulerProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @PostMapping("/api/v1/schedule/run")
    @Operation(summary = "Run the comparison schedules that came due (for an outside scheduler)")
    Map<String, List<UUID>> run(@RequestHeader(name = "X-BuildTrace-Scheduler-Token", required = false) String token) {
        String expected = properties.token();
        if (expected == null || expected.isBlank()) {
            throw ApiException.notFound("endpoint", "/api/v1/schedule/run (set buildtrace.schedule.token)");
        }
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthenticated("send the scheduler token in X-BuildTrace-Scheduler-Token");
        }
        return Map.of("launched", scheduler.runDue(OffsetDateTime.now()));
    }
}
