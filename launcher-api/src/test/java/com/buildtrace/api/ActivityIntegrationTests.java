package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A project's activity: settings changes with what they were and became, API keys that reach the project, and
 * only some actions when asked for.
 */
class ActivityIntegrationTests extends ApiIntegrationTest {

    @Test
    void recordsSettingsChangesWithTheirOldAndNewValues() {
        // given an owner's project
        ApiClient rita = as("activity-rita");
        UUID project = rita.post("/api/v1/projects", "{\"name\": \"Depot\"}").id();
        String base = "/api/v1/projects/" + project;

        // when it is renamed and scheduled, then saved again without a change
        rita.patch(base, "{\"name\": \"Bus depot\", \"compareOnUpload\": true, \"compareSchedule\": \"0 0 6 * * MON\"}");
        rita.patch(base, "{\"name\": \"Bus depot\", \"compareOnUpload\": true}");
        rita.patch(base, "{\"compareSchedule\": \"\"}");

        // then each change is one entry with the old and new values; a save that changed nothing is none
        JsonNode items = rita.get(base + "/activity?action=project_updated").json().get("items");
        assertThat(items).hasSize(2);
        JsonNode removed = items.get(0).get("detail");
        assertThat(removed.propertyNames()).containsExactly("compareSchedule");
        assertThat(removed.get("compareSchedule").get("from").asString()).isEqualTo("0 0 6 * * MON");
        assertThat(removed.get("compareSchedule").get("to").isNull()).isTrue();
        JsonNode first = items.get(1).get("detail");
        assertThat(first.get("name").get("from").asString()).isEqualTo("Depot");
        assertThat(first.get("name").get("to").asString()).isEqualTo("Bus depot");
        assertThat(first.get("compareOnUpload").get("to").asBoolean()).isTrue();
        assertThat(first.get("compareSchedule").get("from").isNull()).isTrue();
    }

    @Test
    void showsOnlyTheActionsAskedForAndKeysLimitedToTheProject() {
        // given a project with a member invited, a key limited to it and a key of all the user's projects
        ApiClient sam = as("activity-sam");
        UUID project = sam.post("/api/v1/projects", "{\"name\": \"Pier\"}").id();
        String base = "/api/v1/projects/" + project;
        sam.post(base + "/members", "{\"email\": \"activity-tess@example.test\", \"role\": \"editor\"}");
        UUID scoped = sam.post("/api/v1/keys", "{\"name\": \"pier uploads\", \"projects\": [\"" + project + "\"]}").id();
        sam.post("/api/v1/keys", "{\"name\": \"everything\"}");
        sam.delete("/api/v1/keys/" + scoped);

        // when the activity is asked for some actions only (repeated, or separated by commas)
        JsonNode keys = sam.get(base + "/activity?action=api_key_created&action=api_key_revoked").json();
        JsonNode some = sam.get(base + "/activity?action=member_invited,project_created&size=1").json();

        // then only those come, counted as such; the key of all projects is the user's own business
        assertThat(keys.get("items").findValuesAsString("action")).containsExactly("api_key_revoked",
                "api_key_created");
        assertThat(keys.get("items").get(0).get("detail").get("name").asString()).isEqualTo("pier uploads");
        assertThat(keys.get("items").get(1).get("detail").get("keyId").asString()).isEqualTo(scoped.toString());
        assertThat(some.get("total").asInt()).isEqualTo(2);
        assertThat(some.get("items").findValuesAsString("action")).containsExactly("member_invited");
        assertThat(sam.get(base + "/activity").json().get("total").asInt()).isEqualTo(4);
        InvalidInputIntegrationTests.assertProblem(sam.get(base + "/activity?action=Drop%20table"), 400,
                "lower-case letters and underscores");
    }
}
