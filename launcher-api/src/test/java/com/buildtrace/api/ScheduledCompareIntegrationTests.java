package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.api.schedule.CompareScheduler;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Projects that opt in compare every new revision with the previous one, and on a cron schedule the latest
 * two revisions of each set; a pair of revisions is never compared twice, whoever asks.
 */
class ScheduledCompareIntegrationTests extends ApiIntegrationTest {

    @Autowired
    CompareScheduler scheduler;

    @Test
    void comparesEachNewRevisionWithThePreviousOneWhenTheProjectAsks() throws Exception {
        UUID project = api().post("/api/v1/projects", "{\"name\": \"On upload\", \"compareOnUpload\": true}").id();
        UUID set = drawingSet(project, "Structural");

        UUID a = uploadRevision(project, set, "Rev A", sheetSet("upload-a.pdf", 2)).id();
        assertThat(comparisons(project)).isEmpty();
        UUID b = uploadRevision(project, set, "Rev B", sheetSet("upload-b.pdf", 2, 1)).id();

        JsonNode list = api().get("/api/v1/comparisons?projectId=" + project).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode c = list.get("items").get(0);
        assertThat(c.get("trigger").asString()).isEqualTo("upload");
        assertThat(c.get("oldRevision").get("id").asString()).isEqualTo(a.toString());
        assertThat(c.get("newRevision").get("id").asString()).isEqualTo(b.toString());
        assertThat(awaitEnd(UUID.fromString(c.get("id").asString())).get("counts").get("changed").asInt()).isEqualTo(1);
    }

    @Test
    void comparesTheLatestTwoRevisionsOfEachSetWhenTheScheduleComesDueAndNeverTwice() throws Exception {
        // given a project with two sets, one with two revisions and one with a single revision
        UUID project = project("Nightly");
        UUID arch = drawingSet(project, "Architectural");
        UUID mep = drawingSet(project, "MEP");
        uploadRevision(project, arch, "Rev A", sheetSet("nightly-a.pdf", 1));
        UUID b = uploadRevision(project, arch, "Rev B", sheetSet("nightly-b.pdf", 1, 0)).id();
        uploadRevision(project, mep, "Rev A", sheetSet("nightly-mep.pdf", 2));
        assertThat(api().patch("/api/v1/projects/" + project, "{\"compareSchedule\": \"0 0 6 * * *\"}").json()
                .get("compareSchedule").asString()).isEqualTo("0 0 6 * * *");
        OffsetDateTime now = OffsetDateTime.now();

        // when the scheduler looks before the schedule comes due, then after
        List<UUID> early = scheduler.runDue(now);
        List<UUID> due = scheduler.runDue(now.plusDays(1).plusMinutes(1));
        List<UUID> again = scheduler.runDue(now.plusDays(1).plusMinutes(2));

        // then one comparison is launched, of the set with two revisions, and only once
        assertThat(early).isEmpty();
        assertThat(due).hasSize(1);
        assertThat(again).isEmpty();
        JsonNode c = api().get("/api/v1/comparisons/" + due.get(0)).json();
        assertThat(c.get("trigger").asString()).isEqualTo("schedule");
        assertThat(c.get("newRevision").get("id").asString()).isEqualTo(b.toString());
        awaitEnd(due.get(0));
        // the next day's schedule finds the pair compared already
        assertThat(scheduler.runDue(now.plusDays(2).plusMinutes(1))).isEmpty();
        assertThat(comparisons(project)).hasSize(1);
    }

    @Test
    void letsAnOutsideSchedulerRunTheSchedulesWithItsToken() {
        // the endpoint takes the scheduler's token, not a user's
        InvalidInputIntegrationTests.assertProblem(anonymous().post("/api/v1/schedule/run", ""), 401,
                "X-BuildTrace-Scheduler-Token");
        InvalidInputIntegrationTests.assertProblem(api().post("/api/v1/schedule/run", ""), 401,
                "X-BuildTrace-Scheduler-Token");
        InvalidInputIntegrationTests.assertProblem(
                anonymous().postWith("/api/v1/schedule/run", "X-BuildTrace-Scheduler-Token", "wrong"), 401,
                "scheduler token");

        ApiClient.Response ok = anonymous().postWith("/api/v1/schedule/run", "X-BuildTrace-Scheduler-Token", "scheduler-secret");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("launched").isArray()).isTrue();
    }

    private List<String> comparisons(UUID project) {
        List<String> ids = new java.util.ArrayList<>();
        api().get("/api/v1/comparisons?projectId=" + project).json().get("items")
                .forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }
}
