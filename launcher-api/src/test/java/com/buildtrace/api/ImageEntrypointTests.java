package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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
        String version = buildVersion();
        for (String entry : Files.readString(Path.of("target", "image-classpath.txt")).strip().split(":")) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                // target/classes of a module of this build: its jar, as Jib would pack it
                jar(p, libs.resolve(p.getParent().getParent().getFileName() + ".jar"), version);
            } else {
                Files.createSymbolicLink(libs.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
    }

    @Test
    void theCommandLineRoleAnswersItsVersion() throws Exception {
        Result r = run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("buildtrace " + buildVersion());
    }

    @Test
    void theCommandLineRoleHasTheWorkerCommandThatKubernetesAndCloudRunStart() throws Exception {
        Result r = run("--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("worker", "compare");
    }

    @Test
    void theImageCarriesTheCloudSqlConnectorThatItsDatabaseSettingsName() throws IOException {
        try (Stream<Path> libs = Files.list(app.resolve("libs"))) {
            assertThat(libs.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.matches("postgres-socket-factory-[0-9.]+\\.jar"))
                    .anyMatch(n -> n.matches("jdbc-socket-factory-core-[0-9.]+\\.jar"));
        }
    }

    @Test
    void theImageHasNoOtherEntrypointThanTheScript() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        // the scripts beside it that build and check the image stay out of it
        assertThat(pom).contains("<arg>/app/bin/buildtrace-entrypoint.sh</arg>", "<into>/app/bin</into>",
                "<includes>buildtrace-entrypoint.sh</includes>");
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

    private static String buildVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "META-INF", "build-info.properties"))) {
            build.load(in);
        }
        return build.getProperty("build.version");
    }

    private static void jar(Path classes, Path jar, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
