package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.api.auth.AccessTokens;
import com.buildtrace.api.auth.JwtKeys;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps, taken from its own {@link RequestMappingHandlerMapping}, is either
 * public by design ({@link #PUBLIC}) or listed in {@link #cases()} with what it may do to a project; a mapping
 * in neither list fails the build. For each non-public endpoint: no credential, an expired, tampered,
 * foreign-key, unknown-{@code kid}, unsigned or revoked access token and a revoked API key answer 401; a user
 * who is not a member of the project gets 404 (like an id that does not exist); a viewer gets 403 on writes, and
 * an editor on what only owners do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIntegrationTests extends ApiIntegrationTest {

    /** Public by design: health, the OpenAPI description and its UI, sign-in and token endpoints, the scheduler's. */
    static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/openapi", "GET /api/v1/openapi.yaml", "GET /api/v1/openapi/swagger-config",
            "GET /api/v1/docs", "* /error",
            "POST /api/v1/auth/dev/login", "GET /api/v1/auth/google/login", "POST /api/v1/auth/token/refresh",
            "POST /api/v1/auth/token/revoke", "POST /api/v1/auth/logout", "GET /api/v1/auth/jwks.json",
            "POST /api/v1/schedule/run");

    /** What an endpoint does to a project, and so who may call it. */
    enum Access {
        /** Reads a project's objects: members only; others 404. */
        READ,
        /** Changes a project's objects: editors and owners; viewers 403; others 404. */
        WRITE,
        /** What only owners do: viewers and editors 403; others 404. */
        OWNER,
        /** The caller's own things, not a project's: anyone signed in; a non-member sees none of the project. */
        OWN
    }

    /** A concrete request to an endpoint. */
    record Case(Access access, String path, String json, Map<String, String> fields, List<ApiClient.Part> files) {

        static Case of(Access access, String path) {
            return new Case(access, path, null, null, null);
        }

        static Case json(Access access, String path, String json) {
            return new Case(access, path, json, null, null);
        }

        static Case multipart(Access access, String path, Map<String, String> fields, List<ApiClient.Part> files) {
            return new Case(access, path, null, fields, files);
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccessTokens tokens;

    ApiClient owner;

    ApiClient editor;

    ApiClient viewer;

    ApiClient outsider;

    UUID project;

    UUID set;

    UUID revA;

    UUID revB;

    UUID comparison;

    UUID ownerKey;

    UUID viewersComment;

    String ownerId;

    UUID webhook;

    UUID uploadSession;

    Path pdf;

    @BeforeAll
    void projectWithAMemberOfEachRole() throws Exception {
        owner = as("authz-owner");
        editor = as("authz-editor");
        viewer = as("authz-viewer");
        outsider = as("authz-outsider");
        ownerId = userId(owner);
        project = owner.post("/api/v1/projects", "{\"name\": \"Authorization\"}").id();
        set = owner.post("/api/v1/projects/" + project + "/sets", "{\"name\": \"Architectural\"}").id();
        pdf = sheetSet("authz-a.pdf", 1);
        revA = owner.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of("label", "A"),
                List.of(new ApiClient.Part("files", pdf))).id();
        revB = owner.upload("/api/v1/projects/" + project + "/sets/" + set + "/revisions", Map.of("label", "B"),
                List.of(new ApiClient.Part("files", sheetSet("authz-b.pdf", 1, 0)))).id();
        comparison = owner.post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + revA + "\", \"newRevisionId\": \""
                + revB + "\"}").id();
        assertThat(owner.post("/api/v1/projects/" + project + "/members",
                "{\"email\": \"authz-editor@example.test\", \"role\": \"editor\"}").status()).isEqualTo(201);
        assertThat(owner.post("/api/v1/projects/" + project + "/members",
                "{\"email\": \"authz-viewer@example.test\", \"role\": \"viewer\"}").status()).isEqualTo(201);
        ownerKey = owner.post("/api/v1/keys", "{\"name\": \"authz\"}").id();
        awaitEnd(owner, comparison);
        // a comment of the viewer's: its author edits and deletes it, whatever the role
        webhook = owner.post("/api/v1/projects/" + project + "/webhooks",
                "{\"url\": \"https://hooks.example.test/buildtrace\"}").id();
        viewersComment = viewer.post("/api/v1/comparisons/" + comparison + "/comments", "{\"body\": \"Noted.\"}").id();
        uploadSession = owner.post("/api/v1/projects/" + project + "/sets/" + set + "/uploads",
                "{\"label\": \"C\", \"files\": [{\"name\": \"c.pdf\", \"bytes\": 1000}]}").id();
    }

    /** Every mapped endpoint but the public ones, with a request that exercises it. */
    private Map<String, Case> cases() {
        String p = "/api/v1/projects/" + project;
        String c = "/api/v1/comparisons/" + comparison;
        List<ApiClient.Part> file = List.of(new ApiClient.Part("files", pdf));
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("POST /api/v1/projects", Case.json(Access.OWN, "/api/v1/projects", "{\"name\": \"Mine\"}"));
        cases.put("GET /api/v1/projects", Case.of(Access.OWN, "/api/v1/projects"));
        cases.put("GET /api/v1/projects/{id}", Case.of(Access.READ, p));
        cases.put("PATCH /api/v1/projects/{id}", Case.json(Access.WRITE, p, "{\"name\": \"Renamed\"}"));
        cases.put("DELETE /api/v1/projects/{id}", Case.of(Access.OWNER, p));
        cases.put("POST /api/v1/projects/{project}/sets", Case.json(Access.WRITE, p + "/sets", "{\"name\": \"MEP\"}"));
        cases.put("GET /api/v1/projects/{project}/sets", Case.of(Access.READ, p + "/sets"));
        cases.put("GET /api/v1/projects/{project}/sets/{set}", Case.of(Access.READ, p + "/sets/" + set));
        cases.put("POST /api/v1/projects/{project}/sets/{set}/revisions [multipart/form-data]",
                Case.multipart(Access.WRITE, p + "/sets/" + set + "/revisions", Map.of("label", "C"), file));
        cases.put("GET /api/v1/projects/{project}/revisions", Case.of(Access.READ, p + "/revisions"));
        String u = "/api/v1/uploads/" + uploadSession;
        cases.put("POST /api/v1/projects/{project}/sets/{set}/uploads", Case.json(Access.WRITE, p + "/sets/" + set
                + "/uploads", "{\"label\": \"D\", \"files\": [{\"name\": \"d.pdf\", \"bytes\": 1000}]}"));
        cases.put("GET /api/v1/projects/{project}/uploads", Case.of(Access.READ, p + "/uploads"));
        cases.put("GET /api/v1/uploads/{id}", Case.of(Access.READ, u));
        cases.put("PUT /api/v1/uploads/{id}/files/{position}", Case.json(Access.WRITE, u + "/files/0", "{}"));
        cases.put("POST /api/v1/uploads/{id}/complete", Case.of(Access.WRITE, u + "/complete"));
        cases.put("DELETE /api/v1/uploads/{id}", Case.of(Access.WRITE, u));
        cases.put("GET /api/v1/revisions/{id}", Case.of(Access.READ, "/api/v1/revisions/" + revA));
        cases.put("GET /api/v1/revisions/{id}/files/{position}", Case.of(Access.READ, "/api/v1/revisions/" + revA
                + "/files/0"));
        cases.put("POST /api/v1/comparisons [application/json]", Case.json(Access.WRITE, "/api/v1/comparisons",
                "{\"oldRevisionId\": \"" + revB + "\", \"newRevisionId\": \"" + revA + "\"}"));
        cases.put("POST /api/v1/comparisons [multipart/form-data]", Case.multipart(Access.WRITE,
                "/api/v1/comparisons?projectId=" + project, Map.of(), List.of(new ApiClient.Part("oldFile", pdf),
                        new ApiClient.Part("newFile", pdf))));
        cases.put("GET /api/v1/comparisons", Case.of(Access.OWN, "/api/v1/comparisons"));
        cases.put("GET /api/v1/comparisons/{id}", Case.of(Access.READ, c));
        cases.put("GET /api/v1/comparisons/{id}/sheets", Case.of(Access.READ, c + "/sheets"));
        cases.put("GET /api/v1/comparisons/{id}/sheets/{n}", Case.of(Access.READ, c + "/sheets/0"));
        cases.put("GET /api/v1/comparisons/{id}/sheets/{n}/{image}", Case.of(Access.READ, c + "/sheets/0/overlay"));
        cases.put("GET /api/v1/comparisons/{id}/sheets/{n}/{image}/tiles", Case.of(Access.READ,
                c + "/sheets/0/overlay/tiles"));
        cases.put("GET /api/v1/comparisons/{id}/sheets/{n}/{image}/tiles/{level}/{x}/{y}", Case.of(Access.READ,
                c + "/sheets/0/new/tiles/0/0/0"));
        cases.put("GET /api/v1/comparisons/{id}/result.json", Case.of(Access.READ, c + "/result.json"));
        cases.put("GET /api/v1/comparisons/{id}/report", Case.of(Access.READ, c + "/report"));
        cases.put("GET /api/v1/comparisons/{id}/report/**", Case.of(Access.READ, c + "/report/index.html"));
        cases.put("POST /api/v1/comparisons/{id}/cancel", Case.of(Access.WRITE, c + "/cancel"));
        cases.put("POST /api/v1/comparisons/{id}/restart", Case.of(Access.WRITE, c + "/restart"));
        cases.put("GET /api/v1/comparisons/{id}/summary", Case.of(Access.READ, c + "/summary"));
        cases.put("GET /api/v1/comparisons/{id}/summary/history", Case.of(Access.READ, c + "/summary/history"));
        cases.put("POST /api/v1/comparisons/{id}/summary:regenerate", Case.of(Access.WRITE, c + "/summary:regenerate"));
        cases.put("PUT /api/v1/comparisons/{id}/summary [application/json]", Case.json(Access.WRITE, c + "/summary",
                "{\"set\": {}, \"sheets\": []}"));
        cases.put("POST /api/v1/comparisons/{id}/chat", Case.json(Access.READ, c + "/chat",
                "{\"question\": \"What changed?\"}"));
        cases.put("GET /api/v1/comparisons/{id}/chat", Case.of(Access.READ, c + "/chat"));
        cases.put("GET /api/v1/comparisons/{id}/chat/suggestions", Case.of(Access.READ, c + "/chat/suggestions"));
        cases.put("GET /api/v1/comparisons/{id}/package", Case.of(Access.READ, c + "/package"));
        cases.put("GET /api/v1/comparisons/{id}/annotated.pdf", Case.of(Access.READ, c + "/annotated.pdf"));
        cases.put("GET /api/v1/comparisons/{id}/changes", Case.of(Access.READ, c + "/changes"));
        cases.put("GET /api/v1/comparisons/{id}/changes.csv", Case.of(Access.READ, c + "/changes.csv"));
        cases.put("GET /api/v1/comparisons/{id}/triage/sheets", Case.of(Access.READ, c + "/triage/sheets"));
        cases.put("GET /api/v1/comparisons/{id}/sheets.csv", Case.of(Access.READ, c + "/sheets.csv"));
        cases.put("POST /api/v1/comparisons/{id}/comments", Case.json(Access.READ, c + "/comments",
                "{\"body\": \"A question.\"}"));
        cases.put("GET /api/v1/comparisons/{id}/comments", Case.of(Access.READ, c + "/comments"));
        cases.put("GET /api/v1/comments/{id}", Case.of(Access.READ, "/api/v1/comments/" + viewersComment));
        cases.put("PATCH /api/v1/comments/{id}", Case.json(Access.READ, "/api/v1/comments/" + viewersComment,
                "{\"body\": \"Noted, thanks.\"}"));
        cases.put("DELETE /api/v1/comments/{id}", Case.of(Access.READ, "/api/v1/comments/" + viewersComment));
        cases.put("GET /api/v1/projects/{project}/members", Case.of(Access.READ, p + "/members"));
        cases.put("POST /api/v1/projects/{project}/members", Case.json(Access.OWNER, p + "/members",
                "{\"email\": \"someone@example.test\", \"role\": \"viewer\"}"));
        cases.put("PATCH /api/v1/projects/{project}/members/{member}", Case.json(Access.OWNER, p + "/members/"
                + ownerId, "{\"role\": \"viewer\"}"));
        cases.put("DELETE /api/v1/projects/{project}/members/{member}", Case.of(Access.OWNER, p + "/members/"
                + ownerId));
        String w = p + "/webhooks/" + webhook;
        cases.put("POST /api/v1/projects/{project}/webhooks", Case.json(Access.OWNER, p + "/webhooks",
                "{\"url\": \"https://hooks.example.test/other\"}"));
        cases.put("GET /api/v1/projects/{project}/webhooks", Case.of(Access.OWNER, p + "/webhooks"));
        cases.put("DELETE /api/v1/projects/{project}/webhooks/{webhook}", Case.of(Access.OWNER, w));
        cases.put("GET /api/v1/projects/{project}/webhooks/{webhook}/deliveries", Case.of(Access.OWNER,
                w + "/deliveries"));
        cases.put("POST /api/v1/projects/{project}/webhooks/{webhook}/ping", Case.of(Access.OWNER, w + "/ping"));
        cases.put("POST /api/v1/projects/{project}/webhooks/{webhook}/enable", Case.of(Access.OWNER,
                w + "/enable"));
        cases.put("GET /api/v1/projects/{project}/notifications", Case.of(Access.READ, p + "/notifications"));
        cases.put("PUT /api/v1/projects/{project}/notifications", Case.json(Access.READ, p + "/notifications",
                "{\"events\": [\"comparison.failed\"]}"));
        cases.put("POST /api/v1/projects/{project}/notifications/test", Case.of(Access.READ,
                p + "/notifications/test"));
        cases.put("GET /api/v1/projects/{project}/notifications/deliveries", Case.of(Access.READ,
                p + "/notifications/deliveries"));
        cases.put("GET /api/v1/projects/{project}/activity", Case.of(Access.READ, p + "/activity"));
        cases.put("POST /api/v1/keys", Case.json(Access.OWN, "/api/v1/keys", "{\"name\": \"mine\"}"));
        cases.put("GET /api/v1/keys", Case.of(Access.OWN, "/api/v1/keys"));
        cases.put("DELETE /api/v1/keys/{id}", Case.of(Access.OWN, "/api/v1/keys/" + ownerKey));
        cases.put("GET /api/v1/auth/me", Case.of(Access.OWN, "/api/v1/auth/me"));
        return cases;
    }

    @Test
    void everyMappedEndpointIsPublicByDesignOrChecked() {
        Set<String> mapped = mappedEndpoints();
        Set<String> unchecked = new TreeSet<>(mapped);
        unchecked.removeAll(PUBLIC);
        unchecked.removeAll(cases().keySet());

        assertThat(unchecked).as("endpoints with no authorization case: add them to cases() (or, when public by "
                + "design, to PUBLIC and SecurityConfiguration.PUBLIC)").isEmpty();
        assertThat(mapped).as("cases of endpoints that no longer exist").containsAll(cases().keySet());
        assertThat(mapped).as("public endpoints that no longer exist").containsAll(PUBLIC);
        // and the public ones answer without a credential
        assertThat(anonymous().get("/api/v1/openapi").status()).isEqualTo(200);
        assertThat(anonymous().get("/api/v1/openapi/swagger-config").status()).isEqualTo(200);
        assertThat(anonymous().get("/api/v1/auth/jwks.json").json().get("keys")).hasSize(2);
        assertThat(anonymous().post("/api/v1/auth/logout", "").status()).isEqualTo(204);
    }

    @Test
    void withoutAValidCredentialEveryCheckedEndpointAnswers401() {
        String expired = tokens.issue(ownerId, Instant.now().minusSeconds(7200)).value();
        String valid = tokens.issue(ownerId).value();
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(ownerId, outsiderId()).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String unknownKid = forged(JwtKeys.generate("intruder"), ownerId);
        String knownKidForeignKey = forged(JwtKeys.generate(SIGNING_KEY.getKeyID()), ownerId);
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        String revoked = signIn("authz-revoked@example.test");
        assertThat(anonymous().post("/api/v1/auth/token/revoke", "{\"token\": \"" + revoked + "\"}").status())
                .isEqualTo(204);
        String revokedKey = as("authz-revoked").post("/api/v1/keys", "{\"name\": \"gone\"}").json().get("key")
                .asString();
        as("authz-revoked").delete("/api/v1/keys/" + as("authz-revoked").get("/api/v1/keys").json().get(0).get("id")
                .asString());
        Map<String, Function<ApiClient, ApiClient>> credentials = new LinkedHashMap<>();
        credentials.put("no credential", a -> a);
        credentials.put("expired token", a -> a.bearer(expired));
        credentials.put("tampered token", a -> a.bearer(tampered));
        credentials.put("token of an unknown kid", a -> a.bearer(unknownKid));
        credentials.put("token of a known kid signed by another key", a -> a.bearer(knownKidForeignKey));
        credentials.put("unsigned token", a -> a.bearer(unsigned));
        credentials.put("revoked token", a -> a.bearer(revoked));
        credentials.put("revoked API key", a -> a.bearer(revokedKey));
        credentials.put("revoked API key in X-API-Key", a -> a.with("X-API-Key", revokedKey));
        credentials.put("expired token in the cookie", a -> a.with("Cookie", "bt_access=" + expired));

        List<String> wrong = new ArrayList<>();
        cases().forEach((endpoint, c) -> credentials.forEach((name, credential) -> {
            // anonymous requests share the address's buckets: keep them full, this test is not about limits
            RATE_CLOCK.advance(java.time.Duration.ofHours(1));
            ApiClient.Response r = send(credential.apply(anonymous()), endpoint, c);
            if (r.status() != 401 || !"application/problem+json".equals(r.header("Content-Type"))
                    || r.header("WWW-Authenticate") == null) {
                wrong.add(endpoint + " with " + name + ": " + r.status() + " " + r.text());
            }
        }));

        assertThat(wrong).isEmpty();
        assertThat(send(anonymous().bearer(expired), "GET /api/v1/auth/me", Case.of(Access.OWN, "/api/v1/auth/me"))
                .json().get("detail").asString()).contains("expired");
        assertThat(anonymous().bearer(unknownKid).get("/api/v1/auth/me").json().get("detail").asString())
                .contains("unknown key (kid 'intruder')");
    }

    @Test
    void aNonMemberGets404ForEveryObjectOfTheProjectAndSeesNoneOfItInLists() {
        List<String> wrong = new ArrayList<>();
        cases().forEach((endpoint, c) -> {
            ApiClient.Response r = send(outsider, endpoint, c);
            boolean ok = c.access() == Access.OWN
                    ? (endpoint.startsWith("DELETE /api/v1/keys") ? r.status() == 404
                    : r.status() < 300 && !r.text().contains(project.toString()) && !r.text().contains(ownerKey.toString()))
                    : r.status() == 404 && r.text().contains("\"status\":404");
            if (!ok) {
                wrong.add(endpoint + ": " + r.status() + " " + r.text());
            }
        });

        assertThat(wrong).isEmpty();
    }

    @Test
    void viewersCannotWriteAndEditorsCannotDoWhatOnlyOwnersDo() {
        List<String> wrong = new ArrayList<>();
        cases().forEach((endpoint, c) -> {
            if (c.access() == Access.OWN) {
                return;
            }
            ApiClient.Response asViewer = send(viewer, endpoint, c);
            boolean viewerRefused = asViewer.status() == 403 && asViewer.text().contains("you are a viewer");
            if (c.access() == Access.READ ? asViewer.status() == 401 || asViewer.status() == 403 : !viewerRefused) {
                wrong.add("viewer " + endpoint + ": " + asViewer.status() + " " + asViewer.text());
            }
            if (c.access() == Access.OWNER) {
                ApiClient.Response asEditor = send(editor, endpoint, c);
                if (asEditor.status() != 403 || !asEditor.text().contains("you are an editor")) {
                    wrong.add("editor " + endpoint + ": " + asEditor.status() + " " + asEditor.text());
                }
            }
        });

        assertThat(wrong).isEmpty();
        // nothing was changed by the refused requests
        assertThat(owner.get("/api/v1/projects/" + project).json().get("name").asString()).isEqualTo("Authorization");
        assertThat(owner.get("/api/v1/projects/" + project + "/members").json().findValuesAsString("role"))
                .containsExactly("owner", "editor", "viewer");
        // an editor writes what a viewer may not
        assertThat(editor.post("/api/v1/projects/" + project + "/sets", "{\"name\": \"Editor's\"}").status())
                .isEqualTo(201);
    }

    /** Every mapping as "METHOD pattern [consumes]" ("*" for any method). */
    private Set<String> mappedEndpoints() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> consumes = new TreeSet<>();
            info.getConsumesCondition().getConsumableMediaTypes().forEach(m -> consumes.add(m.toString()));
            String suffix = consumes.isEmpty() ? "" : " [" + String.join(",", consumes) + "]";
            for (String pattern : info.getPatternValues()) {
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    out.add("* " + pattern + suffix);
                }
                info.getMethodsCondition().getMethods().forEach(m -> out.add(m.name() + " " + pattern + suffix));
            }
        }
        return out;
    }

    private static ApiClient.Response send(ApiClient client, String endpoint, Case c) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        if (c.files() != null) {
            return client.upload(c.path(), c.fields(), c.files());
        }
        return switch (method) {
            case "GET" -> client.get(c.path());
            case "DELETE" -> client.delete(c.path());
            case "PATCH" -> client.patch(c.path(), c.json());
            case "PUT" -> client.send("PUT", c.path(), c.json());
            case "POST" -> client.post(c.path(), c.json() == null ? "" : c.json());
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private String outsiderId() {
        return userId(outsider);
    }

    private static String userId(ApiClient client) {
        return client.get("/api/v1/auth/me").json().get("user").get("id").asString();
    }

    /** A token with every right claim, signed by a key the API does not have. */
    private static String forged(ECKey key, String subject) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject(subject).jwtID(UUID.randomUUID().toString()).issuer("buildtrace")
                            .audience("buildtrace-api").issueTime(new Date())
                            .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
