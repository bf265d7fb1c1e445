package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.buildtrace.logging.LogKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Health groups, build information and the Prometheus endpoint of the running API, and the application's
 * meters moving as a real comparison runs and as credentials are refused.
 */
class ObservabilityIntegrationTests extends ApiIntegrationTest {

    @Test
    void probesArePublicAndReadinessCoversDatabaseAndDrawingStore() {
        // when an anonymous caller (a kubelet, Cloud Run) reads the probes
        ApiClient.Response liveness = anonymous().get("/actuator/health/liveness");
        ApiClient.Response readiness = anonymous().get("/actuator/health/readiness");

        // then both are up; readiness is made of the readiness state, the database and the drawing store
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(liveness.json().has("components")).isFalse();
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.propertyNames()).containsExactlyInAnyOrder("readinessState", "db", "drawingStore");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("drawingStore").get("status").asString()).isEqualTo("UP");
        assertThat(anonymous().get("/health").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void infoNamesTheBuildAndItsCommitForSignedInCallers() {
        // an anonymous caller is refused; a signed-in one reads the build and git sections
        assertThat(anonymous().get("/actuator/info").status()).isEqualTo(401);
        JsonNode info = api().get("/actuator/info").json();
        assertThat(info.get("build").get("artifact").asString()).isEqualTo("launcher-api");
        assertThat(info.get("build").get("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.get("git").get("commit").get("id").asString()).matches("[0-9a-f]{7,40}");
    }

    @Test
    void aComparisonMovesTheComparisonSheetAndStageMeters() throws Exception {
        // given the meters before, once the comparisons other tests launched in this shared context have ended
        // (the meters count every comparison of the process)
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            PrometheusScrape s = scrape();
            return s.sum("buildtrace_comparisons_started_total") == s.sum("buildtrace_comparisons_finished_total")
                    && s.sum("buildtrace_comparisons_backlog", "status", "pending") == 0;
        });
        PrometheusScrape before = scrape();
        UUID project = project("Metered");
        UUID set = drawingSet(project, "Architectural");
        Path a = sheetSet("metrics-a.pdf", 2);
        Path b = sheetSet("metrics-b.pdf", 2, 1);
        UUID oldRev = uploadRevision(project, set, "Rev A", a).id();
        UUID newRev = uploadRevision(project, set, "Rev B", b).id();

        // when a comparison of two sheets (one changed) runs to its end
        UUID id = api().post("/api/v1/comparisons",
                "{\"oldRevisionId\": \"" + oldRev + "\", \"newRevisionId\": \"" + newRev + "\"}").id();
        assertThat(awaitEnd(id).get("status").asString()).isEqualTo("completed");
        // the job's listener counts the run just after its last step has marked the comparison completed
        PrometheusScrape[] scraped = new PrometheusScrape[1];
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            scraped[0] = scrape();
            return delta(before, scraped[0], "buildtrace_comparisons_finished_total", "job", "compareDrawingsJob") > 0;
        });
        PrometheusScrape after = scraped[0];

        // then one more run started and completed, two sheets were processed (one changed), each stage timed twice
        assertThat(delta(before, after, "buildtrace_comparisons_started_total", "job", "compareDrawingsJob"))
                .isEqualTo(1);
        assertThat(delta(before, after, "buildtrace_comparisons_finished_total", "outcome", "completed"))
                .isEqualTo(1);
        assertThat(delta(before, after, "buildtrace_comparison_duration_seconds_count", "outcome", "completed"))
                .isEqualTo(1);
        assertThat(after.sum("buildtrace_comparison_duration_seconds_sum", "outcome", "completed"))
                .isGreaterThan(before.sum("buildtrace_comparison_duration_seconds_sum", "outcome", "completed"));
        assertThat(delta(before, after, "buildtrace_sheets_processed_total", "status", "changed")).isEqualTo(1);
        assertThat(delta(before, after, "buildtrace_sheets_processed_total", "status", "unchanged")).isEqualTo(1);
        for (String stage : new String[] {"rasterize", "align", "detect"}) {
            assertThat(delta(before, after, "buildtrace_sheet_stage_duration_seconds_count", "stage", stage))
                    .as(stage).isEqualTo(2);
        }
        assertThat(delta(before, after, "buildtrace_summary_duration_seconds_count")).isEqualTo(1);
        assertThat(after.sum("buildtrace_partitions_running")).isZero();
        // the backlog is read from the database: nothing of this comparison waits or runs any more
        assertThat(after.has("buildtrace_comparisons_backlog", "status", "pending")).isTrue();
        assertThat(after.has("buildtrace_comparisons_backlog", "status", "running")).isTrue();
        assertThat(after.has("buildtrace_partitions_active", "state", "waiting")).isTrue();
        assertThat(after.has("buildtrace_partitions_active", "state", "running")).isTrue();
        // sheet results are read from the database too (whichever worker wrote them; the reading may be 5 s old)
        PrometheusScrape later = after;
        for (int i = 0; i < 30 && later.sum("buildtrace_sheet_results_recent", "status", "changed") < 1; i++) {
            Thread.sleep(250);
            later = scrape();
        }
        assertThat(later.sum("buildtrace_sheet_results_recent", "status", "changed")).isGreaterThanOrEqualTo(1);
        assertThat(later.sum("buildtrace_sheet_results_recent", "status", "unchanged")).isGreaterThanOrEqualTo(1);
        assertThat(later.sum("buildtrace_partitions_active", "state", "running")).isZero();
        assertThat(after.names()).contains("buildtrace_comparisons_oldest_running_age_seconds",
                "buildtrace_ai_tokens_total", "buildtrace_ai_cost_usd_total", "hikaricp_connections_timeout_total");
        // and the API's requests are timed per route, by status
        assertThat(after.sum("http_server_requests_seconds_count", "uri", "/api/v1/comparisons/{id}", "status",
                "200")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyLineOfAJobNamesItsComparisonAndRunAndAPartitionsLinesTheirSheet() throws Exception {
        // given the job's, the workers' and the batch steps' INFO lines captured with their MDC
        // (the MDC copied when the line is written, as an asynchronous appender would)
        ListAppender<ILoggingEvent> lines = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent e) {
                e.prepareForDeferredProcessing();
                super.append(e);
            }
        };
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        lines.setContext(context);
        lines.start();
        List<Logger> loggers = List.of(context.getLogger("com.buildtrace.job"),
                context.getLogger("com.buildtrace.partition"), context.getLogger("org.springframework.batch.core.step"),
                context.getLogger("com.buildtrace.api.access"));
        String requestTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        ApiClient.Response started;
        loggers.forEach(l -> {
            l.setLevel(Level.INFO);
            l.addAppender(lines);
        });
        UUID id;
        try {
            UUID project = project("Logged");
            UUID set = drawingSet(project, "Architectural");
            UUID oldRev = uploadRevision(project, set, "Rev A", sheetSet("logs-a.pdf", 2)).id();
            UUID newRev = uploadRevision(project, set, "Rev B", sheetSet("logs-b.pdf", 2, 0)).id();

            // when a comparison is started by a request that carries a W3C trace context, and runs
            started = api().with("traceparent", "00-" + requestTrace + "-00f067aa0ba902b7-01").post(
                    "/api/v1/comparisons",
                    "{\"oldRevisionId\": \"" + oldRev + "\", \"newRevisionId\": \"" + newRev + "\"}");
            id = started.id();
            assertThat(awaitEnd(id).get("status").asString()).isEqualTo("completed");
        } finally {
            loggers.forEach(l -> {
                l.detachAppender(lines);
                l.setLevel(null);
            });
        }

        // then the request's answer names its trace, and its access line (route, status) carries it
        assertThat(started.header("X-Trace-Id")).isEqualTo(requestTrace);
        assertThat(lines.list).filteredOn(e -> e.getLoggerName().equals("com.buildtrace.api.access"))
                .filteredOn(e -> requestTrace.equals(e.getMDCPropertyMap().get(LogKeys.TRACE)))
                .singleElement().satisfies(e -> {
                    assertThat(e.getFormattedMessage()).matches("POST /api/v1/comparisons 202 in \\d+ ms");
                    assertThat(e.getMDCPropertyMap()).containsEntry("route", "/api/v1/comparisons")
                            .containsEntry("status", "202").containsKey("durationMs");
                });
        // and the lines of the job's thread and of its partitions' threads all name the comparison and the
        // request's trace id; a partition's lines name the partition, and its sheet's line the sheet
        List<ILoggingEvent> ofRun = lines.list.stream()
                .filter(e -> id.toString().equals(e.getMDCPropertyMap().get(LogKeys.COMPARISON))).toList();
        List<String> messages = ofRun.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).contains("Executing step: [ingestStep]", "Executing step: [pairSheetsStep]",
                "Executing step: [compareSheetsStep]", "Executing step: [finalizeStep]");
        assertThat(messages).filteredOn(m -> m.startsWith("Executing step: [compareSheetPairStep:")).hasSize(2);
        assertThat(messages).filteredOn(m -> m.startsWith("sheet ")).hasSize(2)
                .anyMatch(m -> m.matches("sheet A-101: changed in \\d+ ms"))
                .anyMatch(m -> m.matches("sheet A-102: unchanged in \\d+ ms"));
        String trace = ofRun.get(0).getMDCPropertyMap().get(LogKeys.TRACE);
        assertThat(trace).isEqualTo(requestTrace);
        assertThat(ofRun).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogKeys.TRACE, trace));
        assertThat(ofRun).filteredOn(e -> e.getFormattedMessage().startsWith("sheet "))
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                        .containsEntry(LogKeys.SHEET, e.getFormattedMessage().substring(6, 11))
                        .hasEntrySatisfying(LogKeys.PARTITION, p -> assertThat(p).startsWith("compareSheetPairStep:")));
    }

    @Test
    void everyRequestGetsATraceIdOrKeepsTheCallers() {
        // a request without trace context gets a new id; a refused one too (tracing runs before security)
        assertThat(api().get("/api/v1/projects").header("X-Trace-Id")).matches("[0-9a-f]{32}");
        assertThat(anonymous().get("/api/v1/projects").header("X-Trace-Id")).matches("[0-9a-f]{32}");
        // Cloud Run's front end sends X-Cloud-Trace-Context; an all-zero or malformed traceparent is not taken
        assertThat(anonymous().getWith("/health", "X-Cloud-Trace-Context", "105445AA7843BC8BF206B12000100000/1;o=1")
                .header("X-Trace-Id")).isEqualTo("105445aa7843bc8bf206b12000100000");
        assertThat(anonymous().getWith("/health", "traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")
                .header("X-Trace-Id")).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(anonymous().getWith("/health", "traceparent", "garbage").header("X-Trace-Id"))
                .matches("[0-9a-f]{32}");
    }

    @Test
    void refusedCredentialsCountAsSignInFailures() {
        // given the counter before
        double before = scrape().sum("buildtrace_signin_failures_total", "method", "credential");

        // when a tampered token and an unknown API key are sent
        assertThat(anonymous().bearer("eyJhbGciOiJFUzI1NiJ9.e30.c2ln").get("/api/v1/projects").status())
                .isEqualTo(401);
        assertThat(anonymous().bearer("bt_unknown").get("/api/v1/projects").status()).isEqualTo(401);

        // then both count; the scrape itself (basic or no authentication) never does
        assertThat(scrape().sum("buildtrace_signin_failures_total", "method", "credential")).isEqualTo(before + 2);
    }

    @Test
    void prometheusIsForScrapersNotForSignedInUsersFromElsewhere() {
        // the tests call from the loopback address and no scrape password is set: a local scraper may read it
        ApiClient.Response r = anonymous().get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        // (the password rule, and a remote address without one, are ScrapeAccessTests')
    }

    private PrometheusScrape scrape() {
        ApiClient.Response r = anonymous().get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        return PrometheusScrape.parse(r.text());
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
