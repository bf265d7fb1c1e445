package com.buildtrace.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the API over real HTTP, as a client would: JSON, multipart uploads, raw downloads. */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    private final Map<String, String> headers = new LinkedHashMap<>();

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The same client, sending this header on every request. */
    ApiClient with(String header, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(header, value);
        return new ApiClient(this, h);
    }

    /** The same client, sending this access token or API key as {@code Authorization: Bearer}. */
    ApiClient bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    private ApiClient(ApiClient from, Map<String, String> headers) {
        this.base = from.base;
        this.headers.putAll(headers);
    }

    /** This client signed in through the development sign-in (as its local user). */
    ApiClient signedIn() {
        Response r = post("/api/v1/auth/dev/login", "{}");
        if (r.status() != 200) {
            throw new IllegalStateException("development sign-in failed: " + r.status() + " " + r.text());
        }
        return bearer(r.json().get("accessToken").asString());
    }

    /** An answer. */
    record Response(int status, HttpResponse<byte[]> raw) {

        JsonNode json() {
            return JsonMapper.shared().readTree(raw.body());
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        UUID id() {
            return UUID.fromString(json().get("id").asString());
        }
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response getWith(String path, String header, String value) {
        return send(request(path).header(header, value).GET());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postWith(String path, String header, String value) {
        return send(request(path).header(header, value).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method with a JSON body. */
    Response send(String method, String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A PUT of raw bytes with these headers (a chunk of a resumable upload). */
    Response put(String path, Map<String, String> headers, byte[] body) {
        return put(path, headers, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A PUT of a body from a publisher ({@code ofInputStream} sends it chunked, without a Content-Length). */
    Response put(String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/octet-stream").PUT(body);
        headers.forEach(b::header);
        return send(b);
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A multipart/form-data POST: fields, then files as parts (name -> file). */
    Response upload(String path, Map<String, String> fields, Map<String, Path> files) {
        return upload(path, fields, files.entrySet().stream().map(e -> new Part(e.getKey(), e.getValue())).toList());
    }

    /** A file part. */
    record Part(String name, Path file) {
    }

    Response upload(String path, Map<String, String> fields, java.util.List<Part> files) {
        String boundary = "----buildtrace" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Part p : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name()
                        + "\"; filename=\"" + p.file().getFileName() + "\"\r\nContent-Type: application/octet-stream"
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(Files.readAllBytes(p.file()));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
