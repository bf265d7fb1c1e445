package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a browser test script of {@code src/main/frontend/e2e} with Node.js (playwright-core driving Debian's
 * Chromium, {@code -Dbuildtrace.e2e.chromium} for another one), its output logged next to its screenshots.
 */
final class BrowserScripts {

    static final Path FRONTEND = Path.of("src/main/frontend").toAbsolutePath();

    static final String CHROMIUM = System.getProperty("buildtrace.e2e.chromium", "/usr/bin/chromium");

    private BrowserScripts() {
    }

    /**
     * Runs the script with these environment variables (and BT_ARTIFACTS, BT_CHROMIUM) and checks that it ended
     * within the limit with exit code 0.
     *
     * @return what it printed, also in {@code artifacts/<script>.log}
     */
    static String run(String script, Path artifacts, Duration limit, Map<String, String> environment)
            throws IOException, InterruptedException {
        assertThat(Files.isExecutable(Path.of(CHROMIUM))).as("the browser %s (Debian: apt-get install chromium, "
                + "as .ci/run does; another one with -Dbuildtrace.e2e.chromium=...)", CHROMIUM).isTrue();
        assertThat(FRONTEND.resolve("node_modules/playwright-core")).as("the UI's npm packages (the Maven build "
                + "installs them)").isDirectory();
        Files.createDirectories(artifacts);
        Path log = artifacts.resolve(script.replaceFirst("\\.mjs$", ".log"));
        ProcessBuilder node = new ProcessBuilder("node", "e2e/" + script).directory(FRONTEND.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(environment);
        node.environment().put("BT_ARTIFACTS", artifacts.toString());
        node.environment().put("BT_CHROMIUM", CHROMIUM);
        Process run = node.start();
        boolean ended = run.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as("%s ended within %s:%n%s", script, limit, output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        return output;
    }
}
