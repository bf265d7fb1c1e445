package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.api.monitoring.ScrapeAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards and alerts of {@code infra/monitoring} parse, cover the alerts operations asked for, and use
 * only metrics that this application really exports: every metric name in their queries is read from this
 * running application's {@code /actuator/prometheus}.
 */
class MonitoringFilesIntegrationTests extends ApiIntegrationTest {

    static final Path MONITORING = Path.of("..", "infra", "monitoring");

    /** The alerts of the operations issue, by rule name. */
    static final Set<String> ALERTS = Set.of("BuildTraceApiErrorRateHigh", "BuildTraceComparisonsFailing",
            "BuildTraceSheetsFailing", "BuildTraceComparisonTooLong", "BuildTraceBacklogHigh",
            "BuildTraceDatabaseConnectionErrors", "BuildTraceSignInFailureSpike");

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate",
            "increase", "histogram_quantile", "by", "without", "and", "or", "unless", "offset", "on", "ignoring",
            "bool", "topk", "bottomk", "abs", "clamp_min", "clamp_max", "group_left", "group_right");

    @Test
    void prometheusRulesCoverTheAlertsAndUseExportedMetrics() throws IOException {
        Map<String, Object> rules = yaml(MONITORING.resolve("prometheus/alert-rules.yaml"));
        Map<String, String> byAlert = new LinkedHashMap<>();
        for (Map<String, Object> group : list(rules.get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
                byAlert.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        assertThat(byAlert.keySet()).containsExactlyInAnyOrderElementsOf(ALERTS);
        assertExported(byAlert.values());
    }

    @Test
    void cloudMonitoringPoliciesMirrorThePrometheusRules() throws IOException {
        List<String> queries = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        try (Stream<Path> files = Files.list(MONITORING.resolve("gcp/alert-policies"))) {
            for (Path f : files.sorted().toList()) {
                Map<String, Object> policy = yaml(f);
                assertThat(policy).as(f.toString()).containsKeys("displayName", "combiner", "conditions");
                for (Map<String, Object> condition : list(policy.get("conditions"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> promql = (Map<String, Object>) condition.get("conditionPrometheusQueryLanguage");
                    assertThat(promql).as(f.toString()).containsKeys("query", "duration", "alertRule");
                    assertThat((String) promql.get("duration")).matches("\\d+s");
                    queries.add((String) promql.get("query"));
                    alerts.add((String) promql.get("alertRule"));
                }
            }
        }
        assertThat(alerts).containsExactlyInAnyOrderElementsOf(ALERTS);
        assertExported(queries);
    }

    @Test
    void dashboardsParseAndChartOnlyExportedMetrics() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode grafana = json.readTree(MONITORING.resolve("grafana/buildtrace-dashboard.json").toFile());
        List<String> exprs = new ArrayList<>();
        grafana.get("panels").forEach(p -> p.get("targets").forEach(t -> exprs.add(t.get("expr").asString())));
        assertThat(grafana.get("uid").asString()).isEqualTo("buildtrace-ops");
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(15);

        JsonNode cloud = json.readTree(MONITORING.resolve("gcp/dashboard.json").toFile());
        List<String> queries = new ArrayList<>();
        cloud.get("mosaicLayout").get("tiles").forEach(t -> t.get("widget").get("xyChart").get("dataSets")
                .forEach(d -> queries.add(d.get("timeSeriesQuery").get("prometheusQuery").asString())));
        assertThat(queries).containsExactlyElementsOf(exprs);
        assertExported(exprs);
    }

    @Test
    void theScrapeJobReadsThePrometheusEndpointWithTheScrapePassword() throws IOException {
        Map<String, Object> config = yaml(MONITORING.resolve("prometheus/scrape-config.yaml"));
        Map<String, Object> job = list(config.get("scrape_configs")).get(0);

        assertThat(job).containsEntry("job_name", "buildtrace-api")
                .containsEntry("metrics_path", ScrapeAccess.PATH);
        @SuppressWarnings("unchecked")
        Map<String, Object> basic = (Map<String, Object>) job.get("basic_auth");
        assertThat(basic).containsKey("password_file");
    }

    @Test
    void theMetricExtractionFindsNamesAndSkipsLabelsAndFunctions() {
        assertThat(metrics("sum by (le, uri) (rate(http_server_requests_seconds_bucket{status=~\"5..\", "
                + "uri=\"/x\"}[5m])) > 3 * max(buildtrace_a_total offset 1h) and on (job) up"))
                .containsExactly("buildtrace_a_total", "http_server_requests_seconds_bucket", "up");
    }

    private void assertExported(Iterable<String> queries) {
        // a request first, so that the per-route request timer exists
        api().get("/api/v1/projects");
        ApiClient.Response r = anonymous().get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        Set<String> exported = PrometheusScrape.parse(r.text()).names();
        Set<String> used = new TreeSet<>();
        queries.forEach(q -> used.addAll(metrics(q)));
        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(exported).as("exported metrics").contains(name));
    }

    /** The metric names of a PromQL query: identifiers outside braces, by-clauses and strings, not functions. */
    static Set<String> metrics(String query) {
        String q = query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(q);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group()) && !m.group().matches("\\d.*")) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
