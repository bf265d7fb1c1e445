package com.buildtrace.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code remote login} and {@code logout}: the key checked, kept for its owner only, and forgotten. */
class LoginCommandTests extends RemoteCommandTest {

    static final String ME = "{\"user\": {\"id\": \"u1\", \"email\": \"ana@example.com\", \"name\": \"Ana Lima\"}, "
            + "\"authenticatedWith\": \"api_key\", \"apiKeyId\": \"5f0c8a52-64b2-4a4f-8f43-8d1b0a2c3b1e\"}";

    @BeforeEach
    void signedOut() {
        variables.clear();
    }

    @Test
    void checksTheKeyFromStdinAndKeepsItReadableByItsOwnerOnly() throws Exception {
        server.enqueue(json(200, ME));

        int code = runWithInput(KEY + "\n", "login", "--url", url() + "api/v1/");

        assertThat(code).isZero();
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        String url = url().replaceAll("/$", "");
        assertThat(out()).startsWith("Signed in to " + url + " as Ana Lima <ana@example.com> with API key "
                + "bt_test-k...");
        Json.Node stored = Json.parse(Files.readString(credentialsFile));
        assertThat(stored.get("url").text()).isEqualTo(url);
        assertThat(stored.get("apiKey").text()).isEqualTo(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile.getParent())))
                .isEqualTo("rwx------");
        try (var files = Files.list(credentialsFile.getParent())) {
            assertThat(files).containsExactly(credentialsFile);
        }
    }

    @Test
    void theStoredSignInServesLaterCommandsAndTheEnvironmentOverridesIt() throws Exception {
        server.enqueue(json(200, ME));
        assertThat(runWithInput(KEY, "login", "--url", url())).isZero();

        server.enqueue(json(200, "{\"items\": [], \"page\": 0, \"size\": 20, \"total\": 0}"));
        assertThat(run("list")).isZero();
        assertThat(out()).isEqualTo("No comparisons." + System.lineSeparator());
        assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/auth/me");
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);

        variables.put(Credentials.KEY_VARIABLE, "bt_from-the-environment");
        server.enqueue(json(200, "{\"items\": [], \"page\": 0, \"size\": 20, \"total\": 0}"));
        assertThat(run("list")).isZero();
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer bt_from-the-environment");
    }

    @Test
    void aRejectedKeyIsNotStored() {
        server.enqueue(problem(401, "the API key is not valid or was revoked"));

        int code = runWithInput("bt_revoked\n", "login", "--url", url());

        assertThat(code).isEqualTo(RemoteExitCodes.NOT_SIGNED_IN);
        assertThat(err()).contains("API key rejected");
        assertThat(credentialsFile).doesNotExist();
    }

    @Test
    void refusesWhatIsNotAnApiKeyOrNotAnAddress() {
        assertThat(runWithInput("eyJhbGciOi.token\n", "login", "--url", url()))
                .isEqualTo(RemoteExitCodes.USAGE);
        assertThat(err()).contains("an API key starts with 'bt_'");
        assertThat(run("login", "--url", "ftp://files.example.com", "--api-key", KEY))
                .isEqualTo(RemoteExitCodes.USAGE);
        assertThat(err()).contains("'ftp://files.example.com' is not the address of a server");
        assertThat(runWithInput("", "login", "--url", url())).isEqualTo(RemoteExitCodes.USAGE);
        assertThat(err()).contains("no API key: pipe it to stdin");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void logoutForgetsTheStoredSignIn() throws Exception {
        server.enqueue(json(200, ME));
        assertThat(runWithInput(KEY, "login", "--url", url())).isZero();

        assertThat(run("logout")).isZero();

        assertThat(credentialsFile).doesNotExist();
        assertThat(out()).contains("Signed out: removed " + credentialsFile);
        assertThat(run("status", "5f0c8a52-64b2-4a4f-8f43-8d1b0a2c3b1e"))
                .isEqualTo(RemoteExitCodes.NOT_SIGNED_IN);
    }

    @Test
    void normalisesTheAddressPeopleType() {
        assertThat(Credentials.url(" https://bt.example.com/ ").toString()).isEqualTo("https://bt.example.com");
        assertThat(Credentials.url("https://bt.example.com/api/v1").toString()).isEqualTo("https://bt.example.com");
        assertThat(Credentials.url("https://example.com/buildtrace/").toString())
                .isEqualTo("https://example.com/buildtrace");
        assertThat(Credentials.loopback(Credentials.url("http://127.0.0.1:8080"))).isTrue();
        assertThat(Credentials.loopback(Credentials.url("http://bt.example.com"))).isFalse();
    }
}
