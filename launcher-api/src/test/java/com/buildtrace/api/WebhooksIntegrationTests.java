package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.api.webhook.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a receiver on the loopback address (the JDK's HTTP server) that checks every request's
 * signature with the secret given at creation. The suite's settings: retries after 300 ms, disabled after 3
 * consecutive failures, the worker polling every 200 ms.
 */
class WebhooksIntegrationTests extends ApiIntegrationTest {

    private static final long TOLERANCE_SECONDS = 300;

    private Receiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.server.stop(0);
    }

    @Test
    void aComparisonThatCompletesIsDeliveredSignedWithItsCountsAndLinks() throws Exception {
        // given a project with a webhook and two revisions, the second with a changed dimension
        UUID project = project("Webhooks completed");
        JsonNode created = createWebhook(project, receiver.url());
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        UUID set = drawingSet(project, "Architectural");
        UUID a = uploadRevision(project, set, "Rev A", sheetSet("hook-a.pdf", 2)).id();
        UUID b = uploadRevision(project, set, "Rev B", sheetSet("hook-b.pdf", 2, 1)).id();

        // when they are compared through the API
        long started = Instant.now().getEpochSecond();
        UUID comparison = api().post("/api/v1/comparisons",
                "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \"" + b + "\"}").id();
        assertThat(awaitEnd(comparison).get("status").asString()).isEqualTo("completed");

        // then the receiver gets one signed comparison.completed request describing it
        Received r = receiver.await(1).get(0);
        assertThat(r.header("BuildTrace-Event")).isEqualTo("comparison.completed");
        assertThat(WebhookSignature.verify(secret, r.header("BuildTrace-Signature"), r.body,
                Instant.now().getEpochSecond(), TOLERANCE_SECONDS)).isTrue();
        long t = Long.parseLong(r.header("BuildTrace-Signature").replaceAll("^t=(\\d+),.*$", "$1"));
        assertThat(t).isBetween(started, Instant.now().getEpochSecond());
        JsonNode body = JsonMapper.shared().readTree(r.body);
        assertThat(body.get("event").asString()).isEqualTo("comparison.completed");
        assertThat(body.get("deliveryId").asString()).isEqualTo(r.header("BuildTrace-Delivery"));
        assertThat(body.get("comparison").get("id").asString()).isEqualTo(comparison.toString());
        assertThat(body.get("comparison").get("status").asString()).isEqualTo("completed");
        assertThat(body.get("comparison").get("counts").get("changed").asInt()).isEqualTo(1);
        assertThat(body.get("comparison").get("counts").get("unchanged").asInt()).isEqualTo(1);
        assertThat(body.get("project").get("name").asString()).isEqualTo("Webhooks completed");
        assertThat(body.get("oldRevision").get("label").asString()).isEqualTo("Rev A");
        assertThat(body.get("newRevision").get("label").asString()).isEqualTo("Rev B");
        assertThat(body.get("links").get("report").asString())
                .isEqualTo("/api/v1/comparisons/" + comparison + "/report/");
        // and the delivery log shows it delivered at the first attempt, with the receiver's status
        JsonNode log = deliveries(project, created.get("id").asString());
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.get(0).get("status").asString()).isEqualTo("delivered");
        assertThat(log.get(0).get("comparisonId").asString()).isEqualTo(comparison.toString());
        assertThat(log.get(0).get("attempts").get(0).get("statusCode").asInt()).isEqualTo(204);
        // and it is not delivered again on later polls
        Thread.sleep(600);
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void aFailedAttemptIsRetriedWithTheSameDeliveryUntilTheReceiverAccepts() {
        // given a receiver that answers 500 once, then 204
        receiver.answers.add(500);
        UUID project = project("Webhooks retried");
        JsonNode created = createWebhook(project, receiver.url());
        String id = created.get("id").asString();

        // when the webhook is pinged
        ApiClient.Response ping = api().post("/api/v1/projects/" + project + "/webhooks/" + id + "/ping", "{}");
        assertThat(ping.status()).isEqualTo(202);

        // then the same delivery arrives twice, signed both times, and the log shows 500 then 204
        List<Received> got = receiver.await(2);
        assertThat(got.get(0).header("BuildTrace-Delivery")).isEqualTo(got.get(1).header("BuildTrace-Delivery"))
                .isEqualTo(ping.json().get("deliveryId").asString());
        assertThat(got).allSatisfy(r -> assertThat(WebhookSignature.verify(created.get("secret").asString(),
                r.header("BuildTrace-Signature"), r.body, Instant.now().getEpochSecond(), TOLERANCE_SECONDS))
                .isTrue());
        assertThat(got.get(0).header("BuildTrace-Event")).isEqualTo("ping");
        JsonNode[] log = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            log[0] = deliveries(project, id).get(0);
            return log[0].get("status").asString().equals("delivered");
        });
        assertThat(log[0].get("attempts").findValues("statusCode").stream().map(JsonNode::asInt).toList())
                .containsExactly(500, 204);
        assertThat(log[0].get("attempts").get(0).get("error").asString()).startsWith("HTTP 500");
        assertThat(log[0].get("attempts").get(1).get("error").isNull()).isTrue();
        assertThat(webhook(project, id).get("consecutiveFailures").asInt()).isZero();
    }

    @Test
    void aWebhookIsDisabledAfterConsecutiveFailuresAndTheActivityLogSaysSo() {
        // given a receiver that always answers 503
        for (int i = 0; i < 10; i++) {
            receiver.answers.add(503);
        }
        UUID project = project("Webhooks disabled");
        String id = createWebhook(project, receiver.url()).get("id").asString();

        // when it is pinged
        api().post("/api/v1/projects/" + project + "/webhooks/" + id + "/ping", "{}");

        // then after 3 failed attempts it is disabled, its delivery failed, and no fourth attempt is made
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !webhook(project, id).get("enabled").asBoolean());
        JsonNode hook = webhook(project, id);
        assertThat(hook.get("consecutiveFailures").asInt()).isEqualTo(3);
        assertThat(hook.get("disabledAt").isNull()).isFalse();
        JsonNode delivery = deliveries(project, id).get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("failed");
        assertThat(delivery.get("attempts").size()).isEqualTo(3);
        JsonNode activity = api().get("/api/v1/projects/" + project + "/activity").json();
        List<String> actions = activity.findValuesAsString("action");
        assertThat(actions).contains("webhook_created", "webhook_disabled");
        assertThat(receiver.received).hasSize(3);
        String path = "/api/v1/projects/" + project + "/webhooks/" + id;
        assertThat(api().post(path + "/ping", "{}").status()).isEqualTo(409);

        // and once enabled again by an owner, a ping is delivered (the receiver now answers 204)
        receiver.answers.clear();
        JsonNode enabled = api().post(path + "/enable", "{}").json();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("consecutiveFailures").asInt()).isZero();
        assertThat(api().post(path + "/ping", "{}").status()).isEqualTo(202);
        assertThat(receiver.await(4).get(3).header("BuildTrace-Event")).isEqualTo("ping");
        assertThat(api().get("/api/v1/projects/" + project + "/activity").json().findValuesAsString("action"))
                .contains("webhook_enabled");
    }

    @Test
    void theSecretIsShownOnceAndUrlsMustBeHttpsOrLocal() {
        UUID project = project("Webhooks managed");
        JsonNode created = createWebhook(project, receiver.url());
        assertThat(created.get("events").toString()).isEqualTo("[\"comparison.completed\",\"comparison.failed\"]");

        JsonNode listed = api().get("/api/v1/projects/" + project + "/webhooks").json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("secret").isNull()).isTrue();
        assertThat(listed.get(0).get("url").asString()).isEqualTo(receiver.url());

        String hooks = "/api/v1/projects/" + project + "/webhooks";
        assertThat(api().post(hooks, "{\"url\": \"http://hooks.example.test/x\"}").status()).isEqualTo(400);
        assertThat(api().post(hooks, "{\"url\": \"ftp://hooks.example.test/x\"}").status()).isEqualTo(400);
        assertThat(api().post(hooks, "{\"url\": \"https://hooks.example.test/x\", \"events\": [\"sheet.done\"]}")
                .status()).isEqualTo(400);
        assertThat(api().post(hooks, "{\"url\": \"https://hooks.example.test/x\", "
                + "\"events\": [\"comparison.failed\"]}").status()).isEqualTo(201);

        String id = created.get("id").asString();
        assertThat(api().delete(hooks + "/" + id).status()).isEqualTo(204);
        assertThat(api().get(hooks + "/" + id + "/deliveries").status()).isEqualTo(404);
        assertThat(api().get(hooks).json().findValuesAsString("url")).containsExactly("https://hooks.example.test/x");
    }

    private JsonNode createWebhook(UUID project, String url) {
        ApiClient.Response r = api().post("/api/v1/projects/" + project + "/webhooks", "{\"url\": \"" + url + "\"}");
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    private JsonNode deliveries(UUID project, String webhook) {
        return api().get("/api/v1/projects/" + project + "/webhooks/" + webhook + "/deliveries").json();
    }

    private JsonNode webhook(UUID project, String id) {
        for (JsonNode w : api().get("/api/v1/projects/" + project + "/webhooks").json()) {
            if (w.get("id").asString().equals(id)) {
                return w;
            }
        }
        throw new AssertionError("no webhook " + id);
    }

    /** A request the receiver got. */
    private record Received(Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An HTTP receiver on the loopback address: answers the queued status codes, then 204. */
    private static final class Receiver {

        final HttpServer server;

        final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

        final List<Received> received = new CopyOnWriteArrayList<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
                Integer status = answers.poll();
                exchange.sendResponseHeaders(status == null ? 204 : status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Received> await(int n) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= n);
            return new ArrayList<>(received);
        }
    }
}
