package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's entrypoint ({@code infra/image/buildtrace-entrypoint.sh}) run as the image runs it, on
 * the layout Jib makes: {@code /app/libs} holds the runtime classpath ({@code target/image-classpath.txt},
 * written by the build from the same dependencies Jib packs; a module of this build that is still a folder of
 * classes is packed into a jar here, as Jib would). No Docker engine and no base image are needed.
 */
class ImageEntrypointTests {

    static final Path ENTRYPOINT = Path.of("..", "infra", "image", "buildtrace-entrypoint.sh");

    @TempDir
    static Path app;

    @BeforeAll
    static void imageLayout() throws IOException {
        Path libs = Files.createDirectories(app.resolve("libs"));
        for (Path p : BuildJars.runtimeClasspath()) {
            if (Files.isDirectory(p)) {
                // target/classes of a module of this build: its jar, as Jib would pack it
                BuildJars.jar(p, libs.resolve(BuildJars.module(p) + ".jar"), BuildJars.manifest());
            } else {
                Files.createSymbolicLink(libs.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
    }

    @Test
    void theCommandLineRoleAnswersItsVersion() throws Exception {
        Result r = run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("buildtrace " + BuildJars.version());
    }

    @Test
    void theCommandLineRoleHasTheWorkerCommandThatKubernetesAndCloudRunStart() throws Exception {
        Result r = run("--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("worker", "compare", "remote");
        assertThat(run("remote", "--help").out()).contains("submit", "watch", "download");
    }

    @Test
    void theImageHasNoOtherEntrypointThanTheScript() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<arg>/app/bin/buildtrace-entrypoint.sh</arg>", "<into>/app/bin</into>");
        assertThat(Files.readString(ENTRYPOINT)).contains("com.buildtrace.api.LauncherApiApplication",
                "-cp \"$APP/libs/*\" com.buildtrace.cli.BuildTraceCli");
    }

    private record Result(int exit, String out) {
    }

    private static Result run(String... args) throws Exception {
        List<String> command = Stream.concat(Stream.of("/bin/sh", ENTRYPOINT.toString()), Stream.of(args)).toList();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("BUILDTRACE_APP_DIR", app.toString());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
