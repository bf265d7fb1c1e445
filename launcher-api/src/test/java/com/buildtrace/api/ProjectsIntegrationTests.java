package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Projects: create, list, rename, delete; and nobody sees another user's projects or what is in them. */
class ProjectsIntegrationTests extends ApiIntegrationTest {

    @Test
    void createsListsRenamesAndDeletesProjects() {
        ApiClient alice = as("alice");
        ApiClient.Response created = alice.post("/api/v1/projects", "{\"name\": \" Hospital wing \"}");
        assertThat(created.status()).isEqualTo(201);
        UUID id = created.id();
        assertThat(created.header("Location")).isEqualTo("/api/v1/projects/" + id);
        assertThat(created.json().get("name").asString()).isEqualTo("Hospital wing");
        alice.post("/api/v1/projects", "{\"name\": \"Parking\"}");

        // alice's first sign-in gave her a project of her own; she owns the ones she created
        JsonNode page = alice.get("/api/v1/projects?size=1").json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("Parking");
        assertThat(page.get("items").get(0).get("role").asString()).isEqualTo("owner");
        assertThat(alice.get("/api/v1/projects?size=1&page=1").json().get("items").get(0).get("name").asString())
                .isEqualTo("Hospital wing");
        assertThat(alice.get("/api/v1/projects?size=1&page=2").json().get("items").get(0).get("name").asString())
                .isEqualTo("My First Project");

        JsonNode renamed = alice.patch("/api/v1/projects/" + id, "{\"name\": \"Hospital east wing\", "
                + "\"compareOnUpload\": true}").json();
        assertThat(renamed.get("name").asString()).isEqualTo("Hospital east wing");
        assertThat(renamed.get("compareOnUpload").asBoolean()).isTrue();

        assertThat(alice.delete("/api/v1/projects/" + id).status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/projects/" + id).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/projects").json().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void nobodySeesAnotherUsersProjectsDrawingsOrComparisons() throws Exception {
        // given bob's project with a compared pair of revisions
        ApiClient bob = as("bob");
        UUID project = bob.post("/api/v1/projects", "{\"name\": \"Bob's tower\"}").id();
        UUID set = bob.post("/api/v1/projects/" + project + "/sets", "{\"name\": \"Architectural\"}").id();
        UUID a = bob.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", java.util.Map.of("label", "A"),
                java.util.List.of(new ApiClient.Part("files", sheetSet("bob-a.pdf", 1)))).id();
        UUID b = bob.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", java.util.Map.of("label", "B"),
                java.util.List.of(new ApiClient.Part("files", sheetSet("bob-b.pdf", 1, 0)))).id();
        UUID comparison = bob.post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \""
                + b + "\"}").id();
        awaitEndAs(bob, comparison);

        // then mallory finds none of it: every id answers 404, exactly like an id that does not exist
        ApiClient mallory = as("mallory");
        for (String path : new String[] {"/api/v1/projects/" + project, "/api/v1/projects/" + project + "/sets",
                "/api/v1/projects/" + project + "/sets/" + set, "/api/v1/projects/" + project + "/revisions",
                "/api/v1/revisions/" + a, "/api/v1/revisions/" + a + "/files/0", "/api/v1/comparisons/" + comparison,
                "/api/v1/comparisons/" + comparison + "/sheets", "/api/v1/comparisons/" + comparison + "/sheets/0/overlay",
                "/api/v1/comparisons/" + comparison + "/result.json",
                "/api/v1/comparisons/" + comparison + "/report/index.html"}) {
            assertThat(mallory.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(mallory.get("/api/v1/comparisons").json().get("total").asInt()).isZero();
        assertThat(mallory.get("/api/v1/projects").json().findValuesAsString("name")).containsExactly("My First Project");
        assertThat(mallory.post("/api/v1/comparisons/" + comparison + "/restart", "").status()).isEqualTo(404);
        assertThat(mallory.patch("/api/v1/projects/" + project, "{\"name\": \"mine\"}").status()).isEqualTo(404);
        assertThat(mallory.delete("/api/v1/projects/" + project).status()).isEqualTo(404);
        assertThat(mallory.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions",
                java.util.Map.of("label", "C"), java.util.List.of(new ApiClient.Part("files", sheetSet("m.pdf", 1))))
                .status()).isEqualTo(404);
        UUID own = mallory.post("/api/v1/projects", "{\"name\": \"Mallory's\"}").id();
        UUID ownSet = mallory.post("/api/v1/projects/" + own + "/sets", "{\"name\": \"A\"}").id();
        UUID ownRevision = mallory.upload("/api/v1/projects/" + own + "/sets/" + ownSet + "/revisions",
                java.util.Map.of("label", "A"), java.util.List.of(new ApiClient.Part("files", sheetSet("m2.pdf", 1)))).id();
        assertThat(mallory.post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + ownRevision + "\", \"newRevisionId\": \""
                + b + "\"}").status()).isEqualTo(404);
        // and bob still sees all of it
        assertThat(bob.get("/api/v1/comparisons/" + comparison).status()).isEqualTo(200);
    }

    @Test
    void reportsHealthAndDescribesItselfInOpenApi() {
        // public by design: no credential needed
        ApiClient api = anonymous();
        assertThat(api.get("/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        JsonNode openapi = api.get("/api/v1/openapi").json();
        assertThat(openapi.get("info").get("title").asString()).isEqualTo("BuildTrace API");
        assertThat(openapi.get("paths").propertyNames()).contains("/api/v1/comparisons",
                "/api/v1/comparisons/{id}/cancel", "/api/v1/projects/{project}/sets/{set}/revisions");
        ApiClient.Response docs = api.get("/api/v1/docs");
        assertThat(docs.status()).isEqualTo(302);
        assertThat(api.get(docs.header("Location")).status()).isEqualTo(200);
    }

    private void awaitEndAs(ApiClient client, UUID comparison) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> java.util.List.of(
                "completed", "failed").contains(client.get("/api/v1/comparisons/" + comparison).json().get("status")
                .asString()));
    }
}
