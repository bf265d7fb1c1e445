package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API keys: shown once, stored as a digest, limited to their projects, last use recorded, revocable. */
class ApiKeysIntegrationTests extends ApiIntegrationTest {

    @Test
    void aKeyScopedToOneProjectReachesThatProjectOnly() throws Exception {
        // given a user with two projects and a key for one of them
        ApiClient carol = as("keys-carol");
        UUID site = carol.post("/api/v1/projects", "{\"name\": \"Site\"}").id();
        UUID other = carol.post("/api/v1/projects", "{\"name\": \"Other\"}").id();
        ApiClient.Response created = carol.post("/api/v1/keys", "{\"name\": \"CI uploads\", \"projects\": [\"" + site
                + "\"]}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        UUID id = created.id();
        assertThat(key).startsWith("bt_").hasSize(46);
        assertThat(created.json().get("prefix").asString()).isEqualTo(key.substring(0, 9));

        // when it is used, in either header
        ApiClient withKey = anonymous().bearer(key);
        ApiClient withHeader = anonymous().with("X-API-Key", key);

        // then it sees that project and acts in it as its user, and sees nothing else
        assertThat(withKey.get("/api/v1/projects").json().findValuesAsString("name")).containsExactly("Site");
        assertThat(withHeader.get("/api/v1/projects/" + site).status()).isEqualTo(200);
        assertThat(withKey.get("/api/v1/projects/" + other).status()).isEqualTo(404);
        UUID set = withKey.post("/api/v1/projects/" + site + "/sets", "{\"name\": \"Architectural\"}").id();
        assertThat(withKey.upload("/api/v1/projects/" + site + "/sets/" + set + "/revisions", Map.of("label", "A"),
                java.util.List.of(new ApiClient.Part("files", sheetSet("key-a.pdf", 1)))).status()).isEqualTo(201);
        assertThat(withKey.post("/api/v1/projects/" + other + "/sets", "{\"name\": \"X\"}").status()).isEqualTo(404);
        JsonNode me = withKey.get("/api/v1/auth/me").json();
        assertThat(me.get("authenticatedWith").asString()).isEqualTo("api_key");
        assertThat(me.get("apiKeyId").asString()).isEqualTo(id.toString());
        // a key cannot make or see keys
        InvalidInputIntegrationTests.assertProblem(withKey.post("/api/v1/keys", "{\"name\": \"more\"}"), 403,
                "signed-in user");

        // the list shows it without the key, with its last use; only the digest is stored
        JsonNode listed = carol.get("/api/v1/keys").json().get(0);
        assertThat(listed.get("id").asString()).isEqualTo(id.toString());
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.get("projects").get(0).asString()).isEqualTo(site.toString());
        assertThat(TestDatabase.jdbc().sql("SELECT key_hash FROM api_key WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo(sha256(key)).doesNotContain(key.substring(3));

        // revoked, it is refused
        assertThat(carol.delete("/api/v1/keys/" + id).status()).isEqualTo(204);
        InvalidInputIntegrationTests.assertProblem(withKey.get("/api/v1/projects"), 401, "API key");
        assertThat(carol.get("/api/v1/keys").json().get(0).get("revokedAt").isNull()).isFalse();
        assertThat(TestDatabase.jdbc().sql("""
                SELECT string_agg(a.action, ',' ORDER BY a.id) FROM activity a JOIN app_user u ON u.id = a.user_id
                WHERE u.email = 'keys-carol@example.test' AND a.action LIKE 'api_key%'""").query(String.class).single())
                .isEqualTo("api_key_created,api_key_revoked");
    }

    @Test
    void anUnscopedKeyReachesEveryProjectOfItsUserButNoOneElses() {
        ApiClient dave = as("keys-dave");
        UUID project = dave.post("/api/v1/projects", "{\"name\": \"Dave's\"}").id();
        String key = dave.post("/api/v1/keys", "{\"name\": \"everything\"}").json().get("key").asString();
        UUID foreign = as("keys-erin").post("/api/v1/projects", "{\"name\": \"Erin's\"}").id();

        assertThat(anonymous().bearer(key).get("/api/v1/projects").json().findValuesAsString("name"))
                .containsExactlyInAnyOrder("Dave's", "My First Project");
        assertThat(anonymous().bearer(key).get("/api/v1/projects/" + project).status()).isEqualTo(200);
        assertThat(anonymous().bearer(key).get("/api/v1/projects/" + foreign).status()).isEqualTo(404);
        // a key for a project the user cannot see is not created
        InvalidInputIntegrationTests.assertProblem(dave.post("/api/v1/keys", "{\"name\": \"x\", \"projects\": [\""
                + foreign + "\"]}"), 404, "no project " + foreign);
        // and another user cannot revoke it
        UUID id = UUID.fromString(dave.get("/api/v1/keys").json().get(0).get("id").asString());
        assertThat(as("keys-erin").delete("/api/v1/keys/" + id).status()).isEqualTo(404);
        assertThat(anonymous().bearer(key).get("/api/v1/projects/" + project).status()).isEqualTo(200);
    }

    static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
