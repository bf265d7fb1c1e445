package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.api.auth.AccessTokens;
import com.buildtrace.testing.TestDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.JWTParser;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens (signed, short-lived, revocable), refresh tokens (rotated at every use, a reused one ends its
 * whole sign-in), sign-out, key rotation, and the development sign-in.
 */
class TokensIntegrationTests extends ApiIntegrationTest {

    @Autowired
    AccessTokens tokens;

    @Test
    void signsInWithTheDevelopmentSignInAndIssuesAnHourLongSignedToken() throws Exception {
        ApiClient.Response r = anonymous().post("/api/v1/auth/dev/login", "");

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isBetween(3590L, 3600L);
        assertThat(body.get("user").get("id").asString()).isEqualTo("local");
        assertThat(body.get("refreshToken").asString()).startsWith("rt_");
        SignedJWT jwt = (SignedJWT) JWTParser.parse(body.get("accessToken").asString());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("test-2026");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("local");
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime())
                .isEqualTo(3_600_000L);
        // the browser gets the same tokens in HTTP-only, Secure, SameSite cookies
        List<String> cookies = r.raw().headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("bt_access=").contains("HttpOnly", "Secure",
                "SameSite=Lax", "Path=/"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("bt_refresh=").contains("HttpOnly", "Secure",
                "SameSite=Strict", "Path=/api/v1/auth"));
        // the refresh token is stored as its digest only
        String refresh = body.get("refreshToken").asString();
        assertThat(TestDatabase.jdbc().sql("SELECT count(*) FROM refresh_token WHERE token_hash = encode(sha256(?::bytea), 'hex')")
                .param(refresh).query(Integer.class).single()).isEqualTo(1);
        assertThat(TestDatabase.jdbc().sql("SELECT count(*) FROM refresh_token WHERE token_hash = ?").param(refresh)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void rotatesRefreshTokensAndRevokesTheWholeSignInWhenAnOldOneIsUsedAgain() {
        JsonNode signIn = anonymous().post("/api/v1/auth/dev/login", "{\"email\": \"rotation@example.test\"}").json();
        String first = signIn.get("refreshToken").asString();

        // when the refresh token is used, it is replaced, and the new access token works
        JsonNode second = refresh(first);
        String secondRefresh = second.get("refreshToken").asString();
        assertThat(secondRefresh).startsWith("rt_").isNotEqualTo(first);
        assertThat(anonymous().bearer(second.get("accessToken").asString()).get("/api/v1/auth/me").json()
                .get("user").get("email").asString()).isEqualTo("rotation@example.test");
        JsonNode third = refresh(secondRefresh);
        rotatedSecondsAgo(first, 60);

        // then the first one, used again a minute after its rotation, is refused, and so is every token of that
        // sign-in from then on
        ApiClient.Response reused = anonymous().post("/api/v1/auth/token/refresh", "{\"refreshToken\": \"" + first + "\"}");
        InvalidInputIntegrationTests.assertProblem(reused, 401, "used before");
        InvalidInputIntegrationTests.assertProblem(anonymous().post("/api/v1/auth/token/refresh",
                "{\"refreshToken\": \"" + third.get("refreshToken").asString() + "\"}"), 401, "not valid");
        assertThat(TestDatabase.jdbc().sql("""
                SELECT count(*) FROM activity a JOIN app_user u ON u.id = a.user_id
                WHERE u.email = 'rotation@example.test' AND a.action = 'refresh_token_reused'""")
                .query(Integer.class).single()).isEqualTo(1);
        // a new sign-in is a new family, unaffected
        assertThat(refresh(anonymous().post("/api/v1/auth/dev/login", "{\"email\": \"rotation@example.test\"}").json()
                .get("refreshToken").asString()).get("accessToken").asString()).isNotBlank();
        InvalidInputIntegrationTests.assertProblem(anonymous().post("/api/v1/auth/token/refresh",
                "{\"refreshToken\": \"rt_made-up\"}"), 401, "not valid");
    }

    @Test
    void twoTabsRefreshingAtOnceBothGoOnButALateReuseStillRevokes() {
        // given a sign-in whose refresh token one tab has just rotated
        String shared = anonymous().post("/api/v1/auth/dev/login", "{\"email\": \"tabs@example.test\"}").json()
                .get("refreshToken").asString();
        String firstTab = refresh(shared).get("refreshToken").asString();

        // when the other tab presents the same token a moment later (within the grace of 15 s)
        JsonNode secondTab = refresh(shared);

        // then it gets its own new token of the same sign-in, and both tabs go on refreshing
        String secondTabRefresh = secondTab.get("refreshToken").asString();
        assertThat(secondTabRefresh).startsWith("rt_").isNotEqualTo(firstTab);
        assertThat(anonymous().bearer(secondTab.get("accessToken").asString()).get("/api/v1/auth/me").status())
                .isEqualTo(200);
        String firstTabNext = refresh(firstTab).get("refreshToken").asString();
        refresh(secondTabRefresh);
        assertThat(TestDatabase.jdbc().sql("""
                SELECT count(*) FROM activity a JOIN app_user u ON u.id = a.user_id
                WHERE u.email = 'tabs@example.test' AND a.action = 'refresh_token_reused'""")
                .query(Integer.class).single()).isZero();

        // but a rotated token presented after the grace is a copy: the whole sign-in is revoked
        rotatedSecondsAgo(firstTab, 20);
        InvalidInputIntegrationTests.assertProblem(anonymous().post("/api/v1/auth/token/refresh",
                "{\"refreshToken\": \"" + firstTab + "\"}"), 401, "used before");
        InvalidInputIntegrationTests.assertProblem(anonymous().post("/api/v1/auth/token/refresh",
                "{\"refreshToken\": \"" + firstTabNext + "\"}"), 401, "not valid");
    }

    /** Moves a used refresh token's rotation back in time. */
    private static void rotatedSecondsAgo(String refreshToken, int seconds) {
        assertThat(TestDatabase.jdbc().sql("""
                UPDATE refresh_token SET used_at = now() - ? * INTERVAL '1 second'
                WHERE token_hash = ? AND used_at IS NOT NULL""")
                .params(seconds, com.buildtrace.api.system.Secrets.hash(refreshToken)).update()).isEqualTo(1);
    }

    @Test
    void aBrowserRefreshesThroughItsCookieEvenWithAnExpiredAccessCookie() {
        ApiClient.Response signIn = anonymous().post("/api/v1/auth/dev/login", "{\"email\": \"browser@example.test\"}");
        String refreshCookie = cookie(signIn, "bt_refresh");
        String expired = tokens.issue(signIn.json().get("user").get("id").asString(),
                java.time.Instant.now().minusSeconds(7200)).value();

        ApiClient.Response r = anonymous().with("Cookie", "bt_access=" + expired + "; bt_refresh=" + refreshCookie)
                .post("/api/v1/auth/token/refresh", "");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().has("refreshToken")).as("a cookie's refresh token stays out of the body").isFalse();
        assertThat(cookie(r, "bt_refresh")).isNotEqualTo(refreshCookie).startsWith("rt_");
        assertThat(anonymous().with("Cookie", "bt_access=" + cookie(r, "bt_access")).get("/api/v1/auth/me").status())
                .isEqualTo(200);
    }

    @Test
    void revokedAndSignedOutAccessTokensAreRefusedUntilTheyExpire() {
        JsonNode signIn = anonymous().post("/api/v1/auth/dev/login", "{\"email\": \"revoke@example.test\"}").json();
        String access = signIn.get("accessToken").asString();
        assertThat(anonymous().bearer(access).get("/api/v1/projects").status()).isEqualTo(200);

        assertThat(anonymous().post("/api/v1/auth/token/revoke", "{\"token\": \"" + access + "\"}").status())
                .isEqualTo(204);

        InvalidInputIntegrationTests.assertProblem(anonymous().bearer(access).get("/api/v1/projects"), 401, "revoked");
        // sign-out revokes the request's access token and the refresh token's sign-in
        JsonNode again = anonymous().post("/api/v1/auth/dev/login", "{\"email\": \"revoke@example.test\"}").json();
        ApiClient.Response out = anonymous().bearer(again.get("accessToken").asString()).post("/api/v1/auth/logout",
                "{\"refreshToken\": \"" + again.get("refreshToken").asString() + "\"}");
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.raw().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("bt_access=;")
                .contains("Max-Age=0"));
        InvalidInputIntegrationTests.assertProblem(anonymous().bearer(again.get("accessToken").asString())
                .get("/api/v1/projects"), 401, "revoked");
        InvalidInputIntegrationTests.assertProblem(anonymous().post("/api/v1/auth/token/refresh",
                "{\"refreshToken\": \"" + again.get("refreshToken").asString() + "\"}"), 401, "not valid");
        assertThat(TestDatabase.jdbc().sql("SELECT count(*) FROM revoked_access_token WHERE jti = ?::uuid")
                .param(jti(access)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void acceptsTokensOfEveryConfiguredKeyDuringARotationAndPublishesThePublicKeys() throws Exception {
        // a token signed with the previous key (still configured) is accepted
        SignedJWT old = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(OLD_KEY.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("local").jwtID(UUID.randomUUID().toString()).issuer("buildtrace")
                        .audience("buildtrace-api").issueTime(new Date())
                        .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        old.sign(new ECDSASigner(OLD_KEY));

        assertThat(anonymous().bearer(old.serialize()).get("/api/v1/auth/me").json().get("user").get("id").asString())
                .isEqualTo("local");
        JsonNode keys = anonymous().get("/api/v1/auth/jwks.json").json().get("keys");
        assertThat(keys.findValuesAsString("kid")).containsExactlyInAnyOrder("test-2025", "test-2026");
        assertThat(keys.toString()).doesNotContain("\"d\"");
        // a token for another audience is refused
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(SIGNING_KEY.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("local").jwtID(UUID.randomUUID().toString()).issuer("buildtrace")
                        .audience("another-service").issueTime(new Date())
                        .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        foreign.sign(new ECDSASigner(SIGNING_KEY));
        InvalidInputIntegrationTests.assertProblem(anonymous().bearer(foreign.serialize()).get("/api/v1/auth/me"), 401,
                "not issued for this API");
    }

    private JsonNode refresh(String token) {
        ApiClient.Response r = anonymous().post("/api/v1/auth/token/refresh", "{\"refreshToken\": \"" + token + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static String cookie(ApiClient.Response r, String name) {
        return r.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String jti(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getJWTID();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
