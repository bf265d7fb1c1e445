package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.testing.OpenAiMock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in real headless Chromium (Debian's {@code /usr/bin/chromium}, driven by playwright-core from
 * {@code src/main/frontend/e2e/ui.e2e.mjs}) against the whole application on a random port, its static files
 * served from {@code target/classes/static} as the jar serves them, with the real rate limits of images, tiles,
 * uploads and comparisons (other requests: 150 a minute) and an AI key
 * pointed at the local OpenAI-compatible mock: the development sign-in, a project and a drawing set, two
 * revisions uploaded through the drop zone, "compare with previous", the viewer (overlay with legend, slider,
 * side by side zooming together, a region clicked and framed, a text change read, keyboard navigation,
 * colour-blind-safe colours, a deep zoom to 1:1 drawing the full-size level's tiles), a suggested chat question answered (streamed), a comment, the package downloaded, the gallery, the
 * project's change metrics, and the viewer at 1366×768 and on a 4K screen. Screenshots
 * of each page land in {@code target/e2e}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = LauncherApiApplication.class,
        properties = {"buildtrace.api.dpi=100", "buildtrace.schedule.check-every=1h",
            "buildtrace.auth.dev-login=true",
            // the script does in 20 s what a person does in several minutes: 86 API requests besides images and
            // tiles (a person's pace keeps within the real 60 a minute; RateLimitIntegrationTests holds those)
            "buildtrace.rate-limit.other=150"})
class WebUiBrowserIntegrationTests {

    static final OpenAiMock MOCK = OpenAiMock.shared();

    static final Path ARTIFACTS = Path.of("target/e2e").toAbsolutePath();

    /** The settings of the AI endpoints' tests: the test database and store, an AI key, the mock's address. */
    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        AiEndpointsIntegrationTests.settings(registry);
        // resumable uploads in chunks small enough for a test file to need several
        registry.add("buildtrace.uploads.chunk-size", () -> "64KB");
    }

    @LocalServerPort
    int port;

    @Test
    void uploadsComparesAndReviewsTwoRevisionsInChromium() throws IOException, InterruptedException {
        MOCK.reset();
        Path oldSet = ApiIntegrationTest.sheetSet("ui-rev-a.pdf", 3);
        Path newSet = ApiIntegrationTest.sheetSet("ui-rev-b.pdf", 3, 1);

        String output = BrowserScripts.run("ui.e2e.mjs", ARTIFACTS, Duration.ofMinutes(5), Map.of(
                "BT_BASE_URL", "http://localhost:" + port, "BT_OLD_PDF", oldSet.toString(),
                "BT_NEW_PDF", newSet.toString(), "BT_EXPECT_CHAT", "answer"));

        assertThat(output).contains("17 passed, 0 failed");
        for (String page : new String[] {"01-sign-in", "02-project", "03-viewer-overlay", "04-viewer-region",
                "05-viewer-slider", "06-viewer-side-by-side", "07-viewer-colour-blind-safe", "08-viewer-chat",
                "09-viewer-comments", "10-comparisons", "11-viewer-1366", "12-viewer-4k", "13-project-metrics",
                "14-project-notifications", "15-viewer-deep-zoom"}) {
            assertThat(ARTIFACTS.resolve(page + ".png")).as("screenshot " + page).isNotEmptyFile();
        }
        assertThat(ARTIFACTS.resolve("package.zip").toFile().length()).isGreaterThan(1000L);
        assertThat(MOCK.requests()).as("the chat question reached the model").isNotEmpty();
    }

    // ---- resumable uploads (e2e/uploads.e2e.mjs) ----

    /**
     * Resumable uploads in Chromium, in chunks of 64 KB: an upload of two files interrupted by a reload half-way,
     * each file's progress shown again from the server, a wrong file refused with a message, the same files chosen
     * again and the revision made; over a slow link a failed chunk retried after a wait, pause and resume from the
     * keyboard, a lost completion done after a reload without choosing the files again; files already uploaded
     * refused at once; an upload cancelled.
     */
    @Test
    void resumesAnUploadAfterAReloadInChromium() throws Exception {
        List<Path> files = List.of(UploadSessionsIntegrationTests.noise("ui-r-site.png", 150_000, 11),
                UploadSessionsIntegrationTests.noise("ui-r-survey.png", 200_000, 12),
                ApiIntegrationTest.sheetSet("ui-s.pdf", 3), UploadSessionsIntegrationTests.noise("ui-s-site.png", 600_000, 13),
                UploadSessionsIntegrationTests.noise("ui-t-site.png", 300_000, 14),
                UploadSessionsIntegrationTests.noise("ui-t-survey.png", 250_000, 15));
        String output = BrowserScripts.run("uploads.e2e.mjs", ARTIFACTS, Duration.ofMinutes(3), Map.of(
                "BT_BASE_URL", "http://localhost:" + port, "BT_FILES", String.join(java.io.File.pathSeparator,
                        files.stream().map(Path::toString).toList())));

        assertThat(output).contains("7 passed, 0 failed");
        for (String page : new String[] {"u1-uploading", "u2-after-reload", "u3-mismatch", "u4-revision",
            "u5-retrying", "u6-paused", "u7-all-received"}) {
            assertThat(ARTIFACTS.resolve(page + ".png")).as("screenshot " + page).isNotEmptyFile();
        }
    }
}
