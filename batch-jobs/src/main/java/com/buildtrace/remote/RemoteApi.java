package com.buildtrace.remote;

import com.buildtrace.remote.Json.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * The launcher API over HTTP with an API key ({@code Authorization: Bearer bt_...}): JSON, multipart uploads and
 * downloads. It keeps to the API's rate limits (a 429 waits for {@code Retry-After} and tries again; the latest
 * {@code RateLimit-*} headers pace polling), retries reads through gateway errors and, once the API has answered
 * (so the address is right), through short network failures, and
 * turns every failure into a {@link RemoteException} whose one line says what went wrong and where.
 */
final class RemoteApi {

    static final String PREFIX = "/api/v1";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Until an answer's headers arrive (an upload of a large set is checked before the server answers). */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

    /** Waits between attempts of a read that failed on the way (network, 502, 503, 504): about half a minute. */
    private static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));

    /** Refusals (429) in a row after which a request gives up. */
    private static final int RATE_LIMIT_WAITS = 10;

    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final Credentials credentials;

    private final RemoteEnvironment env;

    private final HttpClient http;

    private volatile RateLimit rateLimit;

    /** The API has answered this client: a later network failure is a blip, not a wrong address. */
    private volatile boolean reached;

    RemoteApi(Credentials credentials, RemoteEnvironment env) {
        this.credentials = credentials;
        this.env = env;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                // no HTTP/2 upgrade attempts on plain http (a local server); https negotiates HTTP/2 where offered
                .version("http".equals(credentials.url().getScheme()) ? HttpClient.Version.HTTP_1_1
                        : HttpClient.Version.HTTP_2)
                .build();
    }

    /** The web UI's page of a comparison. */
    String webLink(UUID comparison) {
        return credentials.url() + "/#/comparisons/" + comparison;
    }

    /** The rate limit the latest answer reported, if any. */
    Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /** The JSON a GET answers. */
    Node get(String path) {
        return json(path, exchange("GET", path, () -> request(path).GET(), true));
    }

    /** The answer's JSON as the API sent it (for {@code --json}). */
    String getText(String path) {
        HttpResponse<InputStream> r = exchange("GET", path, () -> request(path).GET(), true);
        String body = text(path, r);
        expectJson("GET", path, r);
        return body;
    }

    /** An answer's status and JSON. */
    record Answer(int status, Node body) {
    }

    /** A POST of a JSON object. */
    Answer post(String path, Map<String, ?> body) {
        String json = Json.write(body);
        HttpResponse<InputStream> r = exchange("POST", path, () -> request(path)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), false);
        return new Answer(r.statusCode(), json(path, r));
    }

    /** A multipart POST, telling {@code sent} the bytes sent of each attempt. */
    Answer upload(String path, Multipart form, LongConsumer sent) {
        HttpResponse<InputStream> r = exchange("POST", path, () -> {
            Multipart.Body body = form.body(sent);
            return request(path).header("Content-Type", body.contentType()).POST(body.publisher());
        }, false);
        return new Answer(r.statusCode(), json(path, r));
    }

    /**
     * Writes what a GET answers into {@code target}, telling {@code received} the bytes received so far.
     *
     * @return the bytes written
     */
    long download(String path, Path target, LongConsumer received) {
        HttpResponse<InputStream> r = exchange("GET", path, () -> request(path).GET(), true);
        try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                total += n;
                received.accept(total);
            }
            return total;
        } catch (IOException e) {
            throw unreachable("GET", path, e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(credentials.url() + PREFIX + path)).timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer " + credentials.apiKey())
                .header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.5")
                .header("User-Agent", "buildtrace-remote/" + version());
    }

    /**
     * Sends a request until it is answered with success: waits out 429s; retries a read ({@code idempotent}) through
     * network failures and gateway errors; anything else becomes a {@link RemoteException}.
     */
    private HttpResponse<InputStream> exchange(String method, String path, Supplier<HttpRequest.Builder> request,
                                               boolean idempotent) {
        int failures = 0;
        int refusals = 0;
        while (true) {
            HttpResponse<InputStream> r;
            try {
                r = http.send(request.get().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (idempotent && reached && failures < BACKOFF.size()) {
                    pause(BACKOFF.get(failures++), "cannot reach " + credentials.url() + " (" + describe(e) + ")");
                    continue;
                }
                throw unreachable(method, path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteException(RemoteExitCodes.FAILED, "interrupted");
            }
            reached = true;
            RateLimit.of(r.headers()).ifPresent(l -> rateLimit = l);
            int status = r.statusCode();
            if (status < 300) {
                return r;
            }
            Node problem = problem(r);
            if (status == 429 && refusals < RATE_LIMIT_WAITS) {
                refusals++;
                pause(RateLimit.retryAfter(r.headers(), Duration.ofSeconds(5)), "rate limited by the API ("
                        + detail(problem, "too many requests") + ")");
                continue;
            }
            if ((status == 502 || status == 503 || status == 504) && idempotent && failures < BACKOFF.size()) {
                pause(BACKOFF.get(failures++), credentials.url() + " answered " + status);
                continue;
            }
            throw failure(method, path, r, problem);
        }
    }

    private void pause(Duration wait, String why) {
        env.err().println("buildtrace: " + why + "; trying again in " + Math.max(1, (wait.toMillis() + 999) / 1000)
                + " s");
        env.err().flush();
        try {
            env.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteExitCodes.FAILED, "interrupted");
        }
    }

    private RemoteException failure(String method, String path, HttpResponse<InputStream> r, Node problem) {
        int status = r.statusCode();
        String where = method + " " + PREFIX + path;
        if (status >= 300 && status < 400) {
            return new RemoteException(RemoteExitCodes.UNREACHABLE, credentials.url() + " redirects " + where + " to "
                    + r.headers().firstValue("Location").orElse("another address")
                    + ": sign in with the address it redirects to", status, problem, null);
        }
        if (status == 401) {
            return new RemoteException(RemoteExitCodes.NOT_SIGNED_IN, "API key rejected by " + credentials.url()
                    + " (" + detail(problem, "401 Unauthorized") + "): create a new key in the web UI and run "
                    + "'buildtrace remote login' again", status, problem, null);
        }
        if (problem == null && status < 500) {
            // a 404 (or 405, 400) that is not a problem detail: not the API at all, e.g. a wrong address or path
            return notTheApi(method, path, status + " " + r.headers().firstValue("Content-Type").orElse("without a type"));
        }
        if (status == 404 && detail(problem, "").matches("(?s)No (static resource|endpoint|handler) .*")) {
            // Spring's answer for a path it has no mapping for: the address has a path the API does not have
            return notTheApi(method, path, "404 (" + detail(problem, "") + ")");
        }
        if (status >= 500) {
            return new RemoteException(RemoteExitCodes.UNREACHABLE, credentials.url() + " failed on " + where
                    + ": " + status + " " + detail(problem, "server error"), status, problem, null);
        }
        String prefix = status == 403 ? "not allowed: " : "";
        return new RemoteException(RemoteExitCodes.FAILED, prefix + detail(problem, "HTTP " + status), status,
                problem, null);
    }

    /** The problem detail of an error answer, or null when it is not one. */
    private static Node problem(HttpResponse<InputStream> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = r.body()) {
            byte[] body = in.readNBytes(ERROR_BODY_LIMIT);
            if (!type.contains("json")) {
                return null;
            }
            Node json = Json.parse(new String(body, StandardCharsets.UTF_8));
            return json.get("detail").present() || json.get("title").present() ? json : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String detail(Node problem, String otherwise) {
        if (problem == null) {
            return otherwise;
        }
        String detail = problem.get("detail").text("");
        return detail.isBlank() ? problem.get("title").text(otherwise) : detail;
    }

    private Node json(String path, HttpResponse<InputStream> r) {
        String body = text(path, r);
        expectJson(r.request().method(), path, r);
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw notTheApi(r.request().method(), path, "an answer that is not JSON (" + e.getMessage() + ")");
        }
    }

    private String text(String path, HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreachable(r.request().method(), path, e);
        }
    }

    private void expectJson(String method, String path, HttpResponse<InputStream> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json")) {
            throw notTheApi(method, path, r.statusCode() + " " + (type.isEmpty() ? "without a type" : type));
        }
    }

    private RemoteException notTheApi(String method, String path, String answer) {
        return new RemoteException(RemoteExitCodes.UNREACHABLE, credentials.url() + " does not look like a "
                + "BuildTrace API: " + method + " " + PREFIX + path + " answered " + answer
                + "; check the address (the server's, without /api/v1)");
    }

    private RemoteException unreachable(String method, String path, IOException e) {
        return new RemoteException(RemoteExitCodes.UNREACHABLE, "cannot reach " + credentials.url() + " ("
                + describe(e) + ") for " + method + " " + PREFIX + path, 0, null, e);
    }

    /** A network failure in words. */
    static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + ANSWER_TIMEOUT.toMinutes() + " min";
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + t.getMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return t.getMessage() == null || t.getMessage().isBlank() ? "connection refused" : t.getMessage();
            }
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String version() {
        String v = RemoteApi.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
