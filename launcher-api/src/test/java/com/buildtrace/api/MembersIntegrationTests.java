package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Project members: owners invite by e-mail address (a member now, or at the first sign-in), change roles and
 * remove members; roles decide what members may do; a project keeps an owner; the activity log records it all.
 */
class MembersIntegrationTests extends ApiIntegrationTest {

    @Test
    void ownersInviteChangeRolesAndRemoveMembersAndTheActivityLogShowsIt() throws Exception {
        // given an owner's project with two revisions, and a colleague who has signed in before
        ApiClient olga = as("members-olga");
        ApiClient victor = as("members-victor");
        UUID project = olga.post("/api/v1/projects", "{\"name\": \"Tower\"}").id();
        UUID set = olga.post("/api/v1/projects/" + project + "/sets", "{\"name\": \"Architectural\"}").id();
        String revisions = "/api/v1/projects/" + project + "/sets/" + set + "/revisions";
        UUID a = olga.upload(revisions, Map.of("label", "A"), List.of(new ApiClient.Part("files",
                sheetSet("members-a.pdf", 1)))).id();
        UUID b = olga.upload(revisions, Map.of("label", "B"), List.of(new ApiClient.Part("files",
                sheetSet("members-b.pdf", 1, 0)))).id();
        assertThat(victor.get("/api/v1/projects/" + project).status()).isEqualTo(404);

        // when the owner adds him as a viewer
        ApiClient.Response added = olga.post("/api/v1/projects/" + project + "/members",
                "{\"email\": \"Members-Victor@example.test\", \"role\": \"viewer\"}");

        // then he reads the project but may not upload or compare
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("status").asString()).isEqualTo("member");
        String victorId = added.json().get("userId").asString();
        assertThat(victor.get("/api/v1/projects/" + project).json().get("role").asString()).isEqualTo("viewer");
        assertThat(victor.get("/api/v1/revisions/" + a).status()).isEqualTo(200);
        InvalidInputIntegrationTests.assertProblem(victor.upload(revisions, Map.of("label", "C"),
                List.of(new ApiClient.Part("files", sheetSet("members-c.pdf", 1)))), 403, "to upload a revision");
        InvalidInputIntegrationTests.assertProblem(victor.post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a
                + "\", \"newRevisionId\": \"" + b + "\"}"), 403, "to launch a comparison you need to be an editor");

        // when he becomes an editor, he compares
        assertThat(olga.patch("/api/v1/projects/" + project + "/members/" + victorId, "{\"role\": \"editor\"}")
                .json().get("role").asString()).isEqualTo("editor");
        UUID comparison = victor.post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \""
                + b + "\"}").id();
        InvalidInputIntegrationTests.assertProblem(victor.post("/api/v1/projects/" + project + "/members",
                "{\"email\": \"x@example.test\", \"role\": \"owner\"}"), 403, "you need to be an owner");
        InvalidInputIntegrationTests.assertProblem(victor.delete("/api/v1/projects/" + project), 403,
                "to delete the project you need to be an owner");

        // an address that has not signed in yet is invited, and a member from its first sign-in
        JsonNode invited = olga.post("/api/v1/projects/" + project + "/members",
                "{\"email\": \"members-wendy@example.test\", \"role\": \"viewer\"}").json();
        assertThat(invited.get("status").asString()).isEqualTo("invited");
        assertThat(invited.get("userId").isNull()).isTrue();
        ApiClient wendy = as("members-wendy");
        assertThat(wendy.get("/api/v1/projects/" + project).json().get("role").asString()).isEqualTo("viewer");
        JsonNode members = olga.get("/api/v1/projects/" + project + "/members").json();
        assertThat(members.findValuesAsString("email")).containsExactly("members-olga@example.test",
                "members-victor@example.test", "members-wendy@example.test");
        assertThat(members.findValuesAsString("status")).containsOnly("member");
        InvalidInputIntegrationTests.assertProblem(olga.post("/api/v1/projects/" + project + "/members",
                "{\"email\": \"members-wendy@example.test\", \"role\": \"editor\"}"), 409, "a member of the project already");
        InvalidInputIntegrationTests.assertProblem(olga.post("/api/v1/projects/" + project + "/members",
                "{\"email\": \"members-zed@example.test\", \"role\": \"boss\"}"), 400, "role must be owner, editor or viewer");

        // the last owner can be neither demoted nor removed
        String olgaId = members.get(0).get("userId").asString();
        InvalidInputIntegrationTests.assertProblem(olga.patch("/api/v1/projects/" + project + "/members/" + olgaId,
                "{\"role\": \"editor\"}"), 409, "needs an owner");
        InvalidInputIntegrationTests.assertProblem(olga.delete("/api/v1/projects/" + project + "/members/" + olgaId), 409,
                "needs an owner");

        // removed, a member sees nothing of the project any more; anyone may leave
        assertThat(olga.delete("/api/v1/projects/" + project + "/members/" + victorId).status()).isEqualTo(204);
        assertThat(victor.get("/api/v1/projects/" + project).status()).isEqualTo(404);
        assertThat(victor.get("/api/v1/comparisons/" + comparison).status()).isEqualTo(404);
        String wendyId = wendy.get("/api/v1/auth/me").json().get("user").get("id").asString();
        assertThat(wendy.delete("/api/v1/projects/" + project + "/members/" + wendyId).status()).isEqualTo(204);
        assertThat(wendy.get("/api/v1/projects/" + project).status()).isEqualTo(404);

        // the activity log has it all, newest first, for members only
        JsonNode activity = olga.get("/api/v1/projects/" + project + "/activity?size=100").json();
        assertThat(activity.get("items").findValuesAsString("action")).containsExactly("member_removed",
                "member_removed", "member_invited", "comparison_launched", "member_role_changed", "member_added",
                "revision_uploaded", "revision_uploaded", "project_created");
        JsonNode launched = activity.get("items").get(3);
        assertThat(launched.get("userEmail").asString()).isEqualTo("members-victor@example.test");
        assertThat(launched.get("detail").get("comparisonId").asString()).isEqualTo(comparison.toString());
        assertThat(launched.get("ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(victor.get("/api/v1/projects/" + project + "/activity").status()).isEqualTo(404);
        awaitEnd(olga, comparison);
    }
}
