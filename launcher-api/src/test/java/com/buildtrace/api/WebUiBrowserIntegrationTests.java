package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.testing.OpenAiMock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in real headless Chromium (Debian's {@code /usr/bin/chromium}, driven by playwright-core from
 * {@code src/main/frontend/e2e/ui.e2e.mjs}) against the whole application on a random port, its static files
 * served from {@code target/classes/static} as the jar serves them, with the real rate limits and an AI key
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
            "buildtrace.auth.dev-login=true"})
class WebUiBrowserIntegrationTests {

    static final OpenAiMock MOCK = OpenAiMock.shared();

    static final Path FRONTEND = Path.of("src/main/frontend").toAbsolutePath();

    static final Path ARTIFACTS = Path.of("target/e2e").toAbsolutePath();

    static final String CHROMIUM = System.getProperty("buildtrace.e2e.chromium", "/usr/bin/chromium");

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
        assertThat(Files.isExecutable(Path.of(CHROMIUM))).as("the browser %s (Debian: apt-get install chromium, "
                + "as .ci/run does; another one with -Dbuildtrace.e2e.chromium=...)", CHROMIUM).isTrue();
        assertThat(FRONTEND.resolve("node_modules/playwright-core")).as("the UI's npm packages (the Maven build "
                + "installs them)").isDirectory();
        MOCK.reset();
        Path oldSet = ApiIntegrationTest.sheetSet("ui-rev-a.pdf", 3);
        Path newSet = ApiIntegrationTest.sheetSet("ui-rev-b.pdf", 3, 1);
        Files.createDirectories(ARTIFACTS);
        Path log = ARTIFACTS.resolve("ui.e2e.log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/ui.e2e.mjs").directory(FRONTEND.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("BT_BASE_URL", "http://localhost:" + port);
        node.environment().put("BT_OLD_PDF", oldSet.toString());
        node.environment().put("BT_NEW_PDF", newSet.toString());
        node.environment().put("BT_ARTIFACTS", ARTIFACTS.toString());
        node.environment().put("BT_CHROMIUM", CHROMIUM);
        node.environment().put("BT_EXPECT_CHAT", "answer");
        Process run = node.start();
        boolean ended = run.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(ended).as("the browser test ended within 5 minutes:%n%s", output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("16 passed, 0 failed");
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
        Files.createDirectories(ARTIFACTS);
        Path log = ARTIFACTS.resolve("uploads.e2e.log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/uploads.e2e.mjs").directory(FRONTEND.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(Map.of("BT_BASE_URL", "http://localhost:" + port, "BT_ARTIFACTS", ARTIFACTS.toString(),
                "BT_CHROMIUM", CHROMIUM, "BT_FILES", String.join(java.io.File.pathSeparator,
                        files.stream().map(Path::toString).toList())));
        Process run = node.start();
        boolean ended = run.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(ended).as("the uploads' browser test ended within 3 minutes:%n%s", output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("7 passed, 0 failed");
        for (String page : new String[] {"u1-uploading", "u2-after-reload", "u3-mismatch", "u4-revision",
            "u5-retrying", "u6-paused", "u7-all-received"}) {
            assertThat(ARTIFACTS.resolve(page + ".png")).as("screenshot " + page).isNotEmptyFile();
        }
    }
}
