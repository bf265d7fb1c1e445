package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Google sign-in end to end against a local OpenID provider ({@link OidcProviderStub}): the redirect carries
 * state, nonce and a PKCE challenge; the callback exchanges the code with the verifier, checks the signed ID
 * token, signs the user in with tokens in cookies (never in the address), creates their first project; a wrong
 * state, another browser, an unverified address or a domain not allowed is refused.
 */
class GoogleSignInIntegrationTests extends ApiIntegrationTest {

    @Test
    void signsInANewUserWithPkceAndGivesThemAFirstProject() {
        // when the browser starts the sign-in
        ApiClient.Response login = anonymous().get("/api/v1/auth/google/login");

        // then it is sent to the provider with a state, a nonce and an S256 PKCE challenge, and keeps the state
        assertThat(login.status()).isEqualTo(302);
        URI authorize = URI.create(login.header("Location"));
        assertThat(authorize.toString()).startsWith(OIDC.issuer() + "/authorize?");
        Map<String, String> request = OidcProviderStub.form(authorize.getRawQuery());
        assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", OidcProviderStub.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge");
        assertThat(request.get("scope")).contains("openid", "email");
        assertThat(request.get("redirect_uri")).endsWith("/api/v1/auth/google/callback");
        String stateCookie = cookie(login, "bt_oauth_state");
        assertThat(stateCookie).isEqualTo(request.get("state"));

        // when the provider sends the browser back with a code for a verified account
        String code = OIDC.approve(request, "grace@example.test", true, "Grace Hopper");
        ApiClient.Response callback = anonymous().with("Cookie", "bt_oauth_state=" + stateCookie)
                .get("/api/v1/auth/google/callback?code=" + code + "&state=" + request.get("state"));

        // then the code was exchanged with the PKCE verifier and the user is signed in through cookies
        assertThat(callback.status()).as(callback.text()).isEqualTo(302);
        assertThat(callback.header("Location")).endsWith("/welcome").doesNotContain("token", "rt_", "ey");
        Map<String, String> exchange = OIDC.tokenRequests.get(OIDC.tokenRequests.size() - 1);
        assertThat(exchange).containsEntry("grant_type", "authorization_code").containsKey("code_verifier");
        String access = cookie(callback, "bt_access");
        assertThat(callback.raw().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("bt_access=").contains("HttpOnly", "Secure", "SameSite=Lax"));
        JsonNode me = anonymous().with("Cookie", "bt_access=" + access).get("/api/v1/auth/me").json();
        assertThat(me.get("user").get("email").asString()).isEqualTo("grace@example.test");
        assertThat(me.get("user").get("name").asString()).isEqualTo("Grace Hopper");
        assertThat(anonymous().bearer(access).get("/api/v1/projects").json().findValuesAsString("name"))
                .containsExactly("My First Project");

        // signing in again is the same user, without a second first project
        ApiClient.Response again = anonymous().get("/api/v1/auth/google/login");
        Map<String, String> second = OidcProviderStub.form(URI.create(again.header("Location")).getRawQuery());
        ApiClient.Response back = anonymous().with("Cookie", "bt_oauth_state=" + second.get("state"))
                .get("/api/v1/auth/google/callback?code=" + OIDC.approve(second, "grace@example.test", true,
                        "Grace Hopper") + "&state=" + second.get("state"));
        String access2 = cookie(back, "bt_access");
        assertThat(anonymous().bearer(access2).get("/api/v1/auth/me").json().get("user").get("id").asString())
                .isEqualTo(me.get("user").get("id").asString());
        assertThat(anonymous().bearer(access2).get("/api/v1/projects").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAWrongStateAnotherBrowserAnUnverifiedAddressAndADomainNotAllowed() {
        // a callback whose state this browser did not start (a sign-in slipped to someone else)
        Map<String, String> request = start();
        String code = OIDC.approve(request, "heidi@example.test", true, "Heidi");
        assertThat(anonymous().get("/api/v1/auth/google/callback?code=" + code + "&state=" + request.get("state"))
                .status()).isEqualTo(401);
        ApiClient.Response wrongState = anonymous().with("Cookie", "bt_oauth_state=" + request.get("state"))
                .get("/api/v1/auth/google/callback?code=" + code + "&state=forged");
        InvalidInputIntegrationTests.assertProblem(wrongState, 401, "Google sign-in failed");

        // an account whose address Google has not verified
        Map<String, String> unverified = start();
        InvalidInputIntegrationTests.assertProblem(callback(unverified, OIDC.approve(unverified, "ivan@example.test",
                false, "Ivan")), 403, "no verified e-mail address");

        // an address of a domain that is not allowed
        Map<String, String> foreign = start();
        InvalidInputIntegrationTests.assertProblem(callback(foreign, OIDC.approve(foreign, "judy@elsewhere.test",
                true, "Judy")), 403, "elsewhere.test may not sign in here");
        assertThat(anonymous().post("/api/v1/auth/dev/login", "{\"email\": \"judy@elsewhere.test\"}").json()
                .get("user").get("email").asString()).as("the development sign-in is not Google's").isNotNull();
    }

    private Map<String, String> start() {
        return OidcProviderStub.form(URI.create(anonymous().get("/api/v1/auth/google/login").header("Location"))
                .getRawQuery());
    }

    private ApiClient.Response callback(Map<String, String> request, String code) {
        return anonymous().with("Cookie", "bt_oauth_state=" + request.get("state"))
                .get("/api/v1/auth/google/callback?code=" + code + "&state=" + request.get("state"));
    }

    private static String cookie(ApiClient.Response r, String name) {
        List<String> cookies = r.raw().headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1,
                c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + cookies));
    }
}
