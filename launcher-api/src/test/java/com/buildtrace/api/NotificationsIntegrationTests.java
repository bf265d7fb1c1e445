package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications as a member gets them: e-mail through the suite's SMTP server ({@link #SMTP}, GreenMail), Slack
 * through an incoming webhook on the loopback address (MockWebServer, answering what each test queues). The
 * suite's settings: the worker polls every 200 ms, retries after 300 ms, twice.
 */
class NotificationsIntegrationTests extends ApiIntegrationTest {

    private MockWebServer slack;

    @BeforeEach
    void startSlack() throws IOException {
        slack = new MockWebServer();
        slack.start();
    }

    @AfterEach
    void stopSlack() throws IOException {
        slack.shutdown();
    }

    @Test
    void aComparisonThatEndsIsSentByEmailAndToSlackToTheMembersWhoAskedAndNotToOneWhoLeft() throws Exception {
        // given a project whose owner wants e-mail and Slack, and a viewer who asked for Slack, then left
        slack.enqueue(new MockResponse().setResponseCode(200).setBody("ok"));
        UUID project = project("Notify clinic");
        String slackUrl = slack.url("/services/T01/B02/owner-secret-0001").toString();
        assertThat(put(api(), project, "{\"email\": true, \"slackWebhookUrl\": \"" + slackUrl + "\"}").status())
                .isEqualTo(200);
        try (MockWebServer leaversSlack = new MockWebServer()) {
            leaversSlack.start();
            assertThat(api().post("/api/v1/projects/" + project + "/members",
                    "{\"email\": \"notify-leaver@example.test\", \"role\": \"viewer\"}").status()).isEqualTo(201);
            ApiClient leaver = as("notify-leaver");
            assertThat(put(leaver, project, "{\"email\": true, \"slackWebhookUrl\": \""
                    + leaversSlack.url("/services/T01/B03/leaver").toString() + "\"}").status()).isEqualTo(200);
            String leaverId = leaver.get("/api/v1/auth/me").json().get("user").get("id").asString();
            assertThat(leaver.delete("/api/v1/projects/" + project + "/members/" + leaverId).status()).isEqualTo(204);

            // when two revisions, the second with a changed dimension on A-102, are compared
            UUID set = drawingSet(project, "Architectural");
            UUID a = uploadRevision(project, set, "Rev A", sheetSet("notify-a.pdf", 2)).id();
            UUID b = uploadRevision(project, set, "Rev B", sheetSet("notify-b.pdf", 2, 1)).id();
            UUID comparison = api().post("/api/v1/comparisons",
                    "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \"" + b + "\"}").id();
            assertThat(awaitEnd(comparison).get("status").asString()).isEqualTo("completed");

            // then the owner gets one e-mail: subject, recipient, sender, and the same facts as text and HTML
            String subject = "[Notify clinic] Architectural Rev A → Rev B: 1 sheet changed";
            MimeMessage mail = awaitMail(subject);
            assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                    .containsExactly("local@localhost");
            assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("notifications@buildtrace.test");
            Map<String, String> parts = parts(mail);
            assertThat(parts).containsOnlyKeys("text/plain", "text/html");
            String link = "https://buildtrace.test/#/comparisons/" + comparison;
            assertThat(parts.get("text/plain")).contains("Architectural Rev A → Rev B: 1 sheet changed",
                    "Project: Notify clinic", "2 sheets: 1 changed, 0 added, 0 removed, 1 unchanged",
                    "Top changes", "Changed sheets (1)", "A-102", "Open the comparison: " + link);
            assertThat(parts.get("text/html")).contains("<h1", "Architectural Rev A → Rev B: 1 sheet changed",
                    "<h2 style=\"font-size:15px;margin:16px 0 4px\">Top changes</h2>", "href=\"" + link + "\"");
            // and one Slack message in Block Kit with the same facts and a button to the comparison
            RecordedRequest posted = slack.takeRequest(30, TimeUnit.SECONDS);
            assertThat(posted).isNotNull();
            assertThat(posted.getPath()).isEqualTo("/services/T01/B02/owner-secret-0001");
            assertThat(posted.getHeader("Content-Type")).startsWith("application/json");
            JsonNode message = JsonMapper.shared().readTree(posted.getBody().readUtf8());
            assertThat(message.get("text").asString()).startsWith("Architectural Rev A → Rev B: 1 sheet changed");
            JsonNode blocks = message.get("blocks");
            assertThat(blocks.get(0).get("type").asString()).isEqualTo("header");
            assertThat(blocks.get(0).get("text").get("text").asString())
                    .isEqualTo("Architectural Rev A → Rev B: 1 sheet changed");
            assertThat(blocks.get(1).get("fields").findValuesAsString("text")).contains("*Project*\nNotify clinic",
                    "*Changed / added / removed*\n1 / 0 / 0", "*Sheets*\n2 (1 unchanged)");
            assertThat(texts(blocks)).anyMatch(t -> t.startsWith("*Top changes*\n• *A-102* "))
                    .anyMatch(t -> t.startsWith("*Changed (1)*\n• A-102"));
            JsonNode button = blocks.get(blocks.size() - 2).get("elements").get(0);
            assertThat(button.get("type").asString()).isEqualTo("button");
            assertThat(button.get("url").asString()).isEqualTo(link);
            // and the owner's delivery log shows both delivered; the Slack webhook's secret is not shown whole
            JsonNode log = awaitLog(api(), project, 2, "delivered");
            assertThat(log.findValuesAsString("channel")).containsExactlyInAnyOrder("email", "slack");
            assertThat(log.findValuesAsString("recipient")).containsExactlyInAnyOrder("local@localhost",
                    slackUrl.substring(0, slackUrl.lastIndexOf('/') + 1) + "…0001");
            assertThat(log.findValuesAsString("subject")).contains(subject);
            // and the one who left got nothing: their preference is gone with their membership
            Thread.sleep(600);
            assertThat(leaversSlack.getRequestCount()).isZero();
            assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).contains("notify-leaver")))
                    .isEmpty();
            assertThat(slack.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aSlackMessageThatFailsIsRetriedUntilSlackAcceptsIt() throws Exception {
        // given Slack answering 500 once, then 200
        slack.enqueue(new MockResponse().setResponseCode(500).setBody("internal_error"));
        slack.enqueue(new MockResponse().setResponseCode(200).setBody("ok"));
        UUID project = project("Notify retried");
        put(api(), project, "{\"slackWebhookUrl\": \"" + slack.url("/services/T9/B9/retry-secret") + "\"}");

        // when the member sends themselves a test (the project has no comparison yet)
        ApiClient.Response test = api().post("/api/v1/projects/" + project + "/notifications/test", "{}");
        assertThat(test.status()).isEqualTo(202);
        assertThat(test.json().get("deliveries").findValuesAsString("channel")).containsExactly("slack");

        // then the same message arrives twice, and the log shows 500 then 200
        RecordedRequest first = slack.takeRequest(30, TimeUnit.SECONDS);
        RecordedRequest second = slack.takeRequest(30, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        String body = first.getBody().readUtf8();
        assertThat(second.getBody().readUtf8()).isEqualTo(body);
        assertThat(JsonMapper.shared().readTree(body).get("blocks").get(0).get("text").get("text").asString())
                .isEqualTo("[Test] Notifications from BuildTrace reach you");
        JsonNode delivery = awaitLog(api(), project, 1, "delivered").get(0);
        assertThat(delivery.get("event").asString()).isEqualTo("test");
        assertThat(delivery.get("attempts").findValues("statusCode").stream().map(JsonNode::asInt).toList())
                .containsExactly(500, 200);
        assertThat(delivery.get("attempts").get(0).get("error").asString()).isEqualTo("HTTP 500: internal_error");
    }

    @Test
    void eachMemberSetsTheirOwnNotificationsAndWhatTheyGiveIsChecked() throws Exception {
        UUID project = project("Notify settings");
        assertThat(api().post("/api/v1/projects/" + project + "/members",
                "{\"email\": \"notify-viewer@example.test\", \"role\": \"viewer\"}").status()).isEqualTo(201);
        ApiClient viewer = as("notify-viewer");
        String path = "/api/v1/projects/" + project + "/notifications";

        // all off until saved; e-mail is available (an SMTP server is configured) to the account's address
        JsonNode initial = viewer.get(path).json();
        assertThat(initial.get("email").get("enabled").asBoolean()).isFalse();
        assertThat(initial.get("email").get("available").asBoolean()).isTrue();
        assertThat(initial.get("email").get("address").asString()).isEqualTo("notify-viewer@example.test");
        assertThat(initial.get("slack").get("enabled").asBoolean()).isFalse();
        assertThat(initial.get("updatedAt").isNull()).isTrue();
        assertThat(viewer.post(path + "/test", "{}").status()).isEqualTo(409);

        // a viewer sets their own: failures only, by e-mail; the owner's stay as they were
        JsonNode saved = put(viewer, project, "{\"events\": [\"comparison.failed\"], \"email\": true}").json();
        assertThat(saved.get("events").toString()).isEqualTo("[\"comparison.failed\"]");
        assertThat(saved.get("email").get("enabled").asBoolean()).isTrue();
        assertThat(api().get(path).json().get("email").get("enabled").asBoolean()).isFalse();

        // the e-mail test arrives at the viewer's address
        ApiClient.Response test = viewer.post(path + "/test?channel=email", "{}");
        assertThat(test.status()).isEqualTo(202);
        MimeMessage mail = awaitMail("[Test] [Notify settings] Notifications from BuildTrace reach you");
        assertThat(to(mail)).isEqualTo("notify-viewer@example.test");
        assertThat(parts(mail).get("text/plain")).contains("When a comparison of Notify settings ends",
                "The project: https://buildtrace.test/#/projects/" + project);
        assertThat(viewer.post(path + "/test?channel=slack", "{}").status()).isEqualTo(409);

        // Slack: https (or http to this machine in tests), a known event, a URL to turn it on
        assertThat(put(viewer, project, "{\"slackWebhookUrl\": \"http://hooks.example.test/x\"}").status())
                .isEqualTo(400);
        assertThat(put(viewer, project, "{\"slackWebhookUrl\": \"not a url\"}").status()).isEqualTo(400);
        assertThat(put(viewer, project, "{\"events\": [\"sheet.done\"]}").status()).isEqualTo(400);
        assertThat(put(viewer, project, "{\"slack\": true}").status()).isEqualTo(400);
        JsonNode withSlack = put(viewer, project, "{\"email\": true, \"slackWebhookUrl\": "
                + "\"https://hooks.slack.com/services/T0/B0/abcdefghijkl\"}").json();
        assertThat(withSlack.get("slack").get("webhookUrl").asString())
                .isEqualTo("https://hooks.slack.com/services/T0/B0/…ijkl");
        // saving again without the URL keeps it; turning Slack off forgets it
        JsonNode kept = put(viewer, project, "{\"email\": true, \"slack\": true, \"onlyWhenChanged\": true}").json();
        assertThat(kept.get("slack").get("enabled").asBoolean()).isTrue();
        assertThat(kept.get("onlyWhenChanged").asBoolean()).isTrue();
        assertThat(put(viewer, project, "{\"email\": true, \"slack\": false}").json().get("slack").get("webhookUrl")
                .isNull()).isTrue();
        // the project's activity says settings changed, never the URL
        String activity = api().get("/api/v1/projects/" + project + "/activity").text();
        assertThat(activity).contains("notifications_changed").doesNotContain("abcdefghijkl");
    }

    private static ApiClient.Response put(ApiClient client, UUID project, String json) {
        return client.send("PUT", "/api/v1/projects/" + project + "/notifications", json);
    }

    /** Waits until the member's log has {@code n} deliveries, all in {@code status}. */
    private static JsonNode awaitLog(ApiClient client, UUID project, int n, String status) {
        JsonNode[] log = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            log[0] = client.get("/api/v1/projects/" + project + "/notifications/deliveries").json();
            return log[0].size() == n && log[0].findValuesAsString("status").stream().allMatch(status::equals);
        });
        return log[0];
    }

    private static MimeMessage awaitMail(String subject) {
        MimeMessage[] found = new MimeMessage[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (subject.equals(m.getSubject())) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String to(MimeMessage m) {
        try {
            return InternetAddress.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text parts of a message by content type, however deep in multiparts. */
    private static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                out.putAll(parts(child));
            }
        } else {
            out.put(part.getContentType().replaceAll(";.*$", "").strip().toLowerCase(java.util.Locale.ROOT),
                    (String) part.getContent());
        }
        return out;
    }

    private static List<String> texts(JsonNode blocks) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : blocks) {
            if (b.has("text") && b.get("text").has("text")) {
                out.add(b.get("text").get("text").asString());
            }
        }
        return out;
    }
}
