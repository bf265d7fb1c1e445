package com.buildtrace.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote command line against a local MockWebServer ({@link #server}), signed in through
 * {@code BUILDTRACE_URL} and {@code BUILDTRACE_API_KEY} ({@link #variables}): its output and errors captured, its
 * waits recorded (not slept), its sign-in file in a folder of the test's.
 */
abstract class RemoteCommandTest {

    static final String KEY = "bt_test-key-0123456789";

    final MockWebServer server = new MockWebServer();

    final List<Duration> sleeps = new ArrayList<>();

    final Map<String, String> variables = new HashMap<>();

    @TempDir
    Path home;

    Path credentialsFile;

    private StringWriter out = new StringWriter();

    private StringWriter err = new StringWriter();

    @BeforeEach
    void startServer() throws IOException {
        server.start();
        credentialsFile = home.resolve(".buildtrace").resolve("remote.json");
        variables.put(Credentials.URL_VARIABLE, url());
        variables.put(Credentials.KEY_VARIABLE, KEY);
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    /** The mock server's address. */
    String url() {
        return server.url("/").toString();
    }

    /** Runs {@code buildtrace remote ARGS}, with {@code stdin} as standard input; the exit code. */
    int runWithInput(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        RemoteEnvironment env = new RemoteEnvironment(variables, credentialsFile,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), false, sleeps::add);
        return new RemoteCli(env).run(args);
    }

    int run(String... args) {
        return runWithInput("", args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse problem(int status, String detail) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"title\": \"Problem\", \"status\": " + status + ", \"detail\": \"" + detail + "\"}");
    }

    /** A comparison as the API shows it; {@code sheets} as "label:status[:error]". */
    static String comparison(UUID id, String status, int done, int total, String... sheets) {
        StringBuilder list = new StringBuilder();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < sheets.length; i++) {
            String[] s = sheets[i].split(":", 3);
            counts.merge(s[1], 1, Integer::sum);
            list.append(i == 0 ? "" : ",").append("{\"index\": ").append(i).append(", \"label\": \"").append(s[0])
                    .append("\", \"status\": \"").append(s[1]).append("\", \"regions\": ")
                    .append(s[1].equals("changed") ? 3 : 0).append(", \"textChanges\": ")
                    .append(s[1].equals("changed") ? 1 : 0).append(", \"error\": ")
                    .append(s.length > 2 ? "\"" + s[2] + "\"" : "null").append("}");
        }
        StringBuilder countJson = new StringBuilder();
        counts.forEach((k, v) -> countJson.append(countJson.length() == 0 ? "" : ",").append("\"").append(k)
                .append("\": ").append(v));
        return "{\"id\": \"" + id + "\", \"projectId\": \"" + UUID.randomUUID() + "\", \"status\": \"" + status
                + "\", \"oldRevision\": {\"id\": \"" + UUID.randomUUID() + "\", \"setName\": \"Architectural\", "
                + "\"label\": \"Rev A\"}, \"newRevision\": {\"id\": \"" + UUID.randomUUID() + "\", \"setName\": "
                + "\"Architectural\", \"label\": \"Rev B\"}, \"progress\": {\"sheetsDone\": " + done
                + ", \"sheetsTotal\": " + total + ", \"percent\": " + (total == 0 ? 0 : done * 100 / total)
                + "}, \"counts\": {" + countJson + "}, \"error\": null, \"sheets\": [" + list + "]}";
    }
}
