package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.compare.DrawingFixtures;
import com.buildtrace.testing.TestDatabase;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The management side of the web UI in real headless Chromium ({@code src/main/frontend/e2e/admin.e2e.mjs}, run
 * by {@link BrowserScripts} like {@link WebUiBrowserIntegrationTests}) against the whole application of the API
 * tests (their settings, and their context: no more database connections): "Sign in with Google" clicked and
 * completed against the local OpenID provider; a queued comparison cancelled from the gallery and a running one
 * from the viewer (each confirmed in a dialog, by mouse and by keyboard), one restarted, a completed one with a
 * broken sheet showing why and retrying it; the summary edited (the history shows the edit and its author) and
 * regenerated; a member invited, signing in, read-only as a viewer and changing role; the settings saved; an API
 * key shown once, copied, used and revoked; webhooks added, pinged, disabled by failures and enabled again; the
 * activity feed telling all of it, filtered; every page at 1366×768 and 4K. Screenshots land in
 * {@code target/e2e-admin}; the log says how many requests the browser made each minute.
 */
class WebUiAdminBrowserIntegrationTests extends ApiIntegrationTest {

    static final Path ARTIFACTS = Path.of("target/e2e-admin").toAbsolutePath();

    /** A webhook receiver that accepts every delivery; the events it received. */
    static final HttpServer RECEIVER;

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    static {
        try {
            RECEIVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RECEIVER.createContext("/hook", x -> {
            x.getRequestBody().readAllBytes();
            RECEIVED.add(x.getRequestHeaders().getFirst("BuildTrace-Event"));
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        RECEIVER.start();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void managesComparisonsSummariesMembersSettingsKeysWebhooksAndActivityInChromium() throws Exception {
        // a set slow enough to be cancelled while it runs (30 sheets at 300 dpi, one sheet at a time), three
        // revisions of a small set, the last with a photo on page 2 that cannot be decoded (that sheet fails)
        Path fixtures = Files.createDirectories(ARTIFACTS.resolve("fixtures"));
        Path bigOld = sheetSet("admin-big-a.pdf", 30);
        Path bigNew = sheetSet("admin-big-b.pdf", 30, 4, 17);
        Path small1 = DrawingFixtures.pdfSet("A-101", "A-102", "A-103").writeTo(fixtures.resolve("small-1.pdf"));
        Path small2 = DrawingFixtures.pdfSet("A-101", "A-102", "A-103").revised("A-103")
                .writeTo(fixtures.resolve("small-2.pdf"));
        Path small3 = DrawingFixtures.pdfSet("A-101", "A-102", "A-103").revised("A-103").brokenPhoto(2)
                .writeTo(fixtures.resolve("small-3.pdf"));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        OIDC.browserAccount = new OidcProviderStub.Account("olivia@example.test", true, "Olivia Owner");

        String output = BrowserScripts.run("admin.e2e.mjs", ARTIFACTS, Duration.ofMinutes(6), Map.of(
                "BT_BASE_URL", "http://localhost:" + port, "BT_GOOGLE", "olivia@example.test",
                "BT_BIG", String.join(File.pathSeparator, bigOld.toString(), bigNew.toString()),
                "BT_SMALL", String.join(File.pathSeparator, small1.toString(), small2.toString(), small3.toString()),
                "BT_WEBHOOK_OK", "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook",
                "BT_WEBHOOK_FAILING", "http://127.0.0.1:" + closed + "/hook"));

        assertThat(output).contains("17 passed, 0 failed");
        for (String page : new String[] {"21-google-sign-in", "22-gallery-cancel-dialog", "23-gallery-cancelled",
                "24-viewer-cancelled", "25-viewer-failed-sheet", "26-summary-editor", "26-summary-edited", "27-members", "28-members-viewer",
                "29-settings", "30-api-key-once", "31-api-keys", "32-webhooks", "33-activity", "34-activity-4k"}) {
            assertThat(ARTIFACTS.resolve(page + ".png")).as("screenshot " + page).isNotEmptyFile();
        }
        // what the browser did reached the server: a Google user, the restarts, the member, the ping
        assertThat(TestDatabase.jdbc().sql("SELECT name FROM app_user WHERE email = 'olivia@example.test' "
                + "AND google_subject IS NOT NULL").query(String.class).single()).isEqualTo("Olivia Owner");
        assertThat(TestDatabase.jdbc().sql("""
                SELECT count(*) FROM activity a JOIN app_user u ON u.id = a.user_id
                WHERE u.email = 'olivia@example.test' AND a.action IN ('comparison_cancelled', 'comparison_restarted',
                      'summary_edited', 'member_role_changed', 'project_updated', 'webhook_enabled')""")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(7);
        assertThat(RECEIVED).contains("ping");
    }
}
