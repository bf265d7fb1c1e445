package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cancel stops a running comparison (sheets being compared finish, the rest do not start) and takes a queued
 * one out of the queue; restart resumes it, computing only the sheets it had not finished; the project's activity
 * records both.
 */
class CancelRestartIntegrationTests extends ApiIntegrationTest {

    @Test
    void cancelsRunningAndQueuedComparisonsAndRestartsThem() throws Exception {
        // given two comparisons of 12 sheets; this process runs one comparison at a time, one sheet at a time
        UUID project = project("Cancel");
        UUID set = drawingSet(project, "Architectural");
        UUID a = uploadRevision(project, set, "Rev A", sheetSet("cancel-a.pdf", 12)).id();
        UUID b = uploadRevision(project, set, "Rev B", sheetSet("cancel-b.pdf", 12, 3, 9)).id();
        UUID c = uploadRevision(project, set, "Rev C", sheetSet("cancel-c.pdf", 12, 5)).id();
        UUID running = compare(a, b, 300);
        UUID queued = compare(b, c, 300);

        // when the queued one is cancelled, and the running one once it has compared some sheets
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                api().get("/api/v1/comparisons/" + running).json().get("progress").get("sheetsDone").asInt() >= 2);
        ApiClient.Response cancelQueued = api().post("/api/v1/comparisons/" + queued + "/cancel", "");
        ApiClient.Response cancelRunning = api().post("/api/v1/comparisons/" + running + "/cancel", "");

        // then both end cancelled, the running one with sheets left pending
        assertThat(cancelQueued.status()).isEqualTo(202);
        assertThat(cancelQueued.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelRunning.status()).as(cancelRunning.text()).isEqualTo(202);
        JsonNode stopped = awaitStatus(running, "cancelled");
        int done = stopped.get("progress").get("sheetsDone").asInt();
        assertThat(done).isBetween(2, 11);
        assertThat(stopped.get("sheets").findValuesAsString("status")).contains("pending");
        assertThat(api().get("/api/v1/comparisons/" + queued).json().get("error").asString())
                .isEqualTo("cancelled before it started");
        assertThat(api().get("/api/v1/comparisons?projectId=" + project + "&status=cancelled").json()
                .get("total").asInt()).isEqualTo(2);
        List<Integer> completedBefore = completedPartitions(running);
        assertThat(completedBefore).hasSizeGreaterThanOrEqualTo(2);
        // a cancelled comparison cannot be cancelled again
        InvalidInputIntegrationTests.assertProblem(api().post("/api/v1/comparisons/" + running + "/cancel", ""), 409,
                "only a queued or running comparison can be cancelled");

        // when both are restarted
        ApiClient.Response restart = api().post("/api/v1/comparisons/" + running + "/restart", "");
        ApiClient.Response restartQueued = api().post("/api/v1/comparisons/" + queued + "/restart", "");

        // the second waits for the first: queued, not cancelled, until its job starts
        assertThat(restartQueued.json().get("status").asString()).isEqualTo("queued");
        assertThat(api().get("/api/v1/comparisons?projectId=" + project).json().get("items").findValuesAsString("status"))
                .contains("queued");

        // then they complete; no sheet was compared twice: neither those whose partitions completed before the
        // cancel, nor one still being compared when the cancel came (it finished and was saved, though its
        // partition counts as stopped)
        assertThat(restart.status()).isEqualTo(202);
        JsonNode completed = awaitStatus(running, "completed", "failed");
        assertThat(completed.get("status").asString()).isEqualTo("completed");
        assertThat(completed.get("progress").get("sheetsDone").asInt()).isEqualTo(12);
        assertThat(completed.get("counts").get("changed").asInt()).as(completed.get("sheets").toString()).isEqualTo(2);
        Map<Integer, Integer> attemptsAfter = attempts(running);
        assertThat(attemptsAfter).hasSize(12);
        completedBefore.forEach(task -> assertThat(attemptsAfter.get(task)).as("task " + task).isEqualTo(1));
        assertThat(attemptsAfter.values()).as(attemptsAfter.toString()).allMatch(n -> n == 1);
        // B against C: go back, A-106 changes
        assertThat(awaitStatus(queued, "completed", "failed").get("counts").get("changed").asInt()).isEqualTo(3);
        // a completed comparison without failed sheets has nothing to restart
        InvalidInputIntegrationTests.assertProblem(api().post("/api/v1/comparisons/" + running + "/restart", ""), 409,
                "nothing to restart");
        // the project's activity says who cancelled and restarted what, and how far it was
        JsonNode activity = api().get("/api/v1/projects/" + project
                + "/activity?action=comparison_cancelled,comparison_restarted").json().get("items");
        assertThat(activity.findValuesAsString("action")).containsExactly("comparison_restarted",
                "comparison_restarted", "comparison_cancelled", "comparison_cancelled");
        assertThat(activity.get(2).get("detail").get("comparisonId").asString()).isEqualTo(running.toString());
        assertThat(activity.get(2).get("detail").get("was").asString()).isEqualTo("running");
        assertThat(activity.get(3).get("detail").get("was").asString()).isEqualTo("queued");
        assertThat(activity.get(1).get("detail").get("was").asString()).isEqualTo("cancelled");
    }

    private UUID compare(UUID older, UUID newer, int dpi) {
        ApiClient.Response r = api().post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + older
                + "\", \"newRevisionId\": \"" + newer + "\", \"dpi\": " + dpi + "}");
        assertThat(r.status()).isEqualTo(202);
        return r.id();
    }

    private static Map<Integer, Integer> attempts(UUID comparison) {
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        TestDatabase.jdbc().sql("SELECT task_index, attempts FROM sheet_pair_result WHERE comparison_id = ?")
                .param(comparison).query(rs -> {
                    out.put(rs.getInt(1), rs.getInt(2));
                });
        return out;
    }

    /** Sheet tasks whose partition (compareSheetPairStep:sheetPairN) completed, in any run of the comparison. */
    private static List<Integer> completedPartitions(UUID comparison) {
        return TestDatabase.jdbc().sql("""
                SELECT DISTINCT CAST(substring(s.step_name FROM 'sheetPair([0-9]+)$') AS integer)
                FROM batch_step_execution s
                JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
                WHERE p.parameter_name = 'comparisonId' AND p.parameter_value = ?
                  AND s.step_name LIKE 'compareSheetPairStep:%' AND s.status = 'COMPLETED'""")
                .param(comparison.toString()).query(Integer.class).list();
    }
}
