package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Comments on a comparison, a sheet and a change region: members write them and mention each other, authors
 * edit and delete their own, owners delete any; the project's activity shows comments and summary edits.
 */
class CommentsIntegrationTests extends ApiIntegrationTest {

    @Test
    void membersCommentOnAChangeRegionMentionEachOtherAndTheActivityShowsIt() throws Exception {
        // given a finished comparison of a project with an owner and a viewer
        ApiClient owner = as("comments-owner");
        ApiClient viewer = as("comments-viewer");
        UUID project = owner.post("/api/v1/projects", "{\"name\": \"Comments\"}").id();
        owner.post("/api/v1/projects/" + project + "/members", "{\"email\": \"comments-viewer@example.test\", "
                + "\"role\": \"viewer\"}");
        UUID set = owner.post("/api/v1/projects/" + project + "/sets", "{\"name\": \"Architectural\"}").id();
        UUID a = owner.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of("label", "A"),
                List.of(new ApiClient.Part("files", sheetSet("comments-a.pdf", 2)))).id();
        UUID b = owner.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of("label", "B"),
                List.of(new ApiClient.Part("files", sheetSet("comments-b.pdf", 2, 1)))).id();
        UUID comparison = owner.post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \""
                + b + "\"}").id();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "completed".equals(
                owner.get("/api/v1/comparisons/" + comparison).json().get("status").asString()));
        String region = owner.get("/api/v1/comparisons/" + comparison + "/sheets/1").json().get("page").get("regions")
                .get(0).get("id").asString();
        String base = "/api/v1/comparisons/" + comparison + "/comments";

        // when the viewer comments on the comparison and the owner on a change region, mentioning the viewer
        ApiClient.Response general = viewer.post(base, "{\"body\": \"Is this the final set for pricing?\"}");
        ApiClient.Response onRegion = owner.post(base, "{\"body\": \"The dimension went from 16'-8\\\" to 17'-2\\\"; "
                + "please check the door.\", \"sheet\": 1, \"regionId\": \"" + region + "\", "
                + "\"mentions\": [\"Comments-Viewer@example.test\"]}");

        // then both are listed, the region one under its sheet and region, with the mention as a user id
        assertThat(general.status()).as(general.text()).isEqualTo(201);
        assertThat(onRegion.status()).as(onRegion.text()).isEqualTo(201);
        assertThat(onRegion.header("Location")).isEqualTo("/api/v1/comments/" + onRegion.id());
        String viewerId = viewer.get("/api/v1/auth/me").json().get("user").get("id").asString();
        assertThat(onRegion.json().get("mentions").get(0).asString()).isEqualTo(viewerId);
        assertThat(owner.get(base).json().size()).isEqualTo(2);
        JsonNode ofRegion = owner.get(base + "?sheet=1&region=" + region).json();
        assertThat(ofRegion.size()).isEqualTo(1);
        assertThat(ofRegion.get(0).get("body").asString()).startsWith("The dimension went from");

        // authors edit their own; nobody edits another's; owners delete any
        assertThat(viewer.patch("/api/v1/comments/" + general.id(), "{\"body\": \"Is this the final set?\"}")
                .json().get("edited").asBoolean()).isTrue();
        InvalidInputIntegrationTests.assertProblem(owner.patch("/api/v1/comments/" + general.id(),
                "{\"body\": \"changed\"}"), 403, "only its author edits a comment");
        InvalidInputIntegrationTests.assertProblem(viewer.delete("/api/v1/comments/" + onRegion.id()), 403,
                "you are a viewer");
        assertThat(owner.delete("/api/v1/comments/" + general.id()).status()).isEqualTo(204);
        assertThat(owner.get(base).json().size()).isEqualTo(1);
        assertThat(owner.get("/api/v1/comments/" + general.id()).status()).isEqualTo(404);

        // invalid comments are refused, saying why
        InvalidInputIntegrationTests.assertProblem(owner.post(base, "{\"body\": \" \"}"), 400, "body must not be blank");
        InvalidInputIntegrationTests.assertProblem(owner.post(base, "{\"body\": \"x\", \"sheet\": 9}"), 400,
                "has no sheet 9");
        InvalidInputIntegrationTests.assertProblem(owner.post(base, "{\"body\": \"x\", \"sheet\": 1, \"regionId\": "
                + "\"r999\"}"), 400, "has no change region r999");
        InvalidInputIntegrationTests.assertProblem(owner.post(base, "{\"body\": \"x\", \"mentions\": "
                + "[\"stranger@example.test\"]}"), 400, "not members of this project, so they cannot be mentioned: "
                + "stranger@example.test");
        // someone outside the project sees none of it
        assertThat(as("comments-outsider").get(base).status()).isEqualTo(404);
        assertThat(as("comments-outsider").get("/api/v1/comments/" + onRegion.id()).status()).isEqualTo(404);

        // the project's activity tells the story, summary edits included
        owner.post("/api/v1/comparisons/" + comparison + "/summary:regenerate", "");
        List<String> actions = owner.get("/api/v1/projects/" + project + "/activity?size=50").json().get("items")
                .findValuesAsString("action");
        assertThat(actions).contains("comment_added", "comment_edited", "comment_deleted", "summary_regenerated",
                "revision_uploaded");
    }
}
