package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.fixtures.Sheets;
import com.buildtrace.remote.RemoteCli;
import com.buildtrace.remote.RemoteEnvironment;
import com.buildtrace.remote.RemoteExitCodes;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code buildtrace remote} against this API on its random port, with a real API key: in-process (login, submit of
 * two generated revisions, watch to completion, status, download of the package, a second submit that reuses
 * both revisions, list), with a key that is rejected, with a project that does not exist; and once as a process
 * started by {@code bin/buildtrace} from the jars of this build, which must not start a database.
 */
class RemoteCliIntegrationTests extends ApiIntegrationTest {

    private static final Pattern COMPARISON = Pattern.compile("Comparison ([0-9a-f-]{36}): ");

    @TempDir
    Path home;

    @TempDir
    Path work;

    private record Run(int exit, String out, String err) {
    }

    /** {@code buildtrace remote ARGS} in this JVM, signed in through {@code home}, with these variables. */
    private Run remote(String stdin, Map<String, String> variables, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RemoteEnvironment env = new RemoteEnvironment(variables, home.resolve(".buildtrace").resolve("remote.json"),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), false, d -> Thread.sleep(d.toMillis()));
        int exit = new RemoteCli(env).run(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run remote(String... args) {
        return remote("", Map.of(), args);
    }

    private String url() {
        return "http://localhost:" + port;
    }

    /** A new API key of the local user, limited to {@code project}. */
    private String apiKey(UUID project) {
        ApiClient.Response created = api().post("/api/v1/keys",
                "{\"name\": \"command line\", \"projects\": [\"" + project + "\"]}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    @Test
    void signsInSubmitsTwoRevisionsWatchesThemToTheEndAndDownloadsThePackage() throws Exception {
        // given a project, an API key limited to it, a revision as one PDF and the next as a folder of two PDFs
        // (A-101 edited, A-104 added)
        UUID project = project("Remote command line");
        String key = apiKey(project);
        Path old = sheetSet("remote-rev-a.pdf", 3);
        Path folder = Files.createDirectories(work.resolve("rev-b"));
        Sheets.write(folder.resolve("001.pdf"), List.of(Sheets.Sheet.of("A-101", Sheets.plan("17'-2\"", true)),
                Sheets.Sheet.of("A-102", Sheets.PLAN)));
        Sheets.write(folder.resolve("002.pdf"), List.of(Sheets.Sheet.of("A-103", Sheets.PLAN),
                Sheets.Sheet.of("A-104", Sheets.PLAN)));

        // when the user signs in with the key on stdin
        Run login = remote(key + "\n", Map.of(), "login", "--url", url() + "/");

        // then the key was checked and kept for them alone
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).startsWith("Signed in to " + url() + " as Local user <local@localhost> with API key "
                + key.substring(0, 9) + "...");
        Path stored = home.resolve(".buildtrace").resolve("remote.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");

        // when both revisions are submitted and the comparison is watched to its end
        Run submit = remote("submit", old.toString(), folder.toString(), "--project", "remote COMMAND line",
                "--set", "Architectural", "--label-old", "Rev A", "--label-new", "Rev B", "--wait", "--interval", "1");

        // then it was uploaded, launched, followed sheet by sheet, and completed
        assertThat(submit.exit()).as(submit.err()).isEqualTo(RemoteExitCodes.OK);
        Matcher m = COMPARISON.matcher(submit.out());
        assertThat(m.find()).as(submit.out()).isTrue();
        UUID id = UUID.fromString(m.group(1));
        assertThat(submit.out()).contains("Web UI: " + url() + "/#/comparisons/" + id,
                "Comparison " + id + ": completed",
                "4 of 4 done: 1 changed, 1 added, 0 removed, 2 unchanged, 0 failed");
        assertThat(submit.err()).contains("created drawing set 'Architectural' in project 'Remote command line'",
                "uploaded old revision 'Rev A' (1 file, ", "revision 1 of 'Architectural'",
                "uploaded new revision 'Rev B' (2 files, ", "revision 2 of 'Architectural'",
                "comparison " + id + ": completed")
                .containsPattern("\\[\\d/4] A-101 +changed +\\d+ regions?, \\d+ text changes?")
                .containsPattern("\\[\\d/4] A-104 +added");
        JsonNode view = api().get("/api/v1/comparisons/" + id).json();
        assertThat(view.get("status").asString()).isEqualTo("completed");
        assertThat(view.get("newRevision").get("label").asString()).isEqualTo("Rev B");

        // and status shows it once
        Run status = remote("status", id.toString());
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Comparison " + id + ": completed", "old     Rev A  (drawing set 'Architectural'",
                "new     Rev B  (drawing set 'Architectural'", "4 of 4 done").containsPattern("A-104 +added");

        // when the package is downloaded and unpacked (the ZIP kept too)
        Path out = work.resolve("package");
        Run download = remote("download", id.toString(), "--out", out.toString(), "--unzip", "--keep-zip");

        // then the report, the results and the annotated set are there, and the ZIP holds the same files
        assertThat(download.exit()).as(download.err()).isZero();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(out.resolve("annotated.pdf")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("changes.csv"))).contains("A-101");
        assertThat(Files.readString(out.resolve("sheets.csv"))).contains("A-104");
        JsonNode result = JsonMapper.shared().readTree(out.resolve("result.json").toFile());
        List<String> statuses = new ArrayList<>();
        result.get("pages").forEach(s -> statuses.add(s.get("sheet").asString() + " " + s.get("status").asString()));
        assertThat(statuses).containsExactlyInAnyOrder("A-101 changed", "A-102 unchanged", "A-103 unchanged",
                "A-104 added");
        Path zip = out.resolve("buildtrace-" + id + ".zip");
        try (ZipFile z = new ZipFile(zip.toFile()); Stream<Path> files = Files.walk(out)) {
            List<String> unpacked = files.filter(Files::isRegularFile).filter(f -> !f.equals(zip))
                    .map(f -> out.relativize(f).toString()).toList();
            assertThat(z.stream().filter(e -> !e.isDirectory()).map(e -> e.getName()).toList())
                    .containsExactlyInAnyOrderElementsOf(unpacked).contains("summary.json");
        }
        assertThat(download.out()).contains("unpacked into " + out.toAbsolutePath(), "Package: " + zip.toAbsolutePath());

        // when the same files are submitted again
        Run again = remote("submit", old.toString(), folder.toString(), "--project", project.toString(),
                "--set", "architectural");

        // then nothing is uploaded twice and the earlier comparison is the answer
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("the files of the old revision 'remote-rev-a' are already revision 1 'Rev A'",
                "the files of the new revision 'rev-b' are already revision 2 'Rev B'");
        assertThat(again.out()).contains("Comparison " + id + ": completed (these two revisions were compared before)");
        assertThat(api().get("/api/v1/projects/" + project + "/revisions").json().get("total").asInt()).isEqualTo(2);

        // and the list of the project's comparisons has it
        Run list = remote("list", "--project", "Remote command line");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(id + "  completed").contains("Rev A -> Rev B (Architectural)");

        // and after logout nothing is kept
        assertThat(remote("logout").exit()).isZero();
        assertThat(stored).doesNotExist();
        assertThat(remote("status", id.toString()).exit()).isEqualTo(RemoteExitCodes.NOT_SIGNED_IN);
    }

    @Test
    void aRevokedKeyIsRejectedAndNotStored() {
        UUID project = project("Remote, revoked key");
        ApiClient.Response created = api().post("/api/v1/keys",
                "{\"name\": \"revoked\", \"projects\": [\"" + project + "\"]}");
        String key = created.json().get("key").asString();
        assertThat(api().delete("/api/v1/keys/" + created.id()).status()).isEqualTo(204);

        Run login = remote(key, Map.of(), "login", "--url", url());

        assertThat(login.exit()).isEqualTo(RemoteExitCodes.NOT_SIGNED_IN);
        assertThat(login.err()).contains("API key rejected by " + url() + " (the API key is not valid or was revoked)");
        assertThat(home.resolve(".buildtrace").resolve("remote.json")).doesNotExist();
        Run status = remote("", Map.of("BUILDTRACE_URL", url(), "BUILDTRACE_API_KEY", "bt_made-up"), "status",
                UUID.randomUUID().toString());
        assertThat(status.exit()).isEqualTo(RemoteExitCodes.NOT_SIGNED_IN);
        assertThat(status.err()).contains("API key rejected");
    }

    @Test
    void aProjectTheKeyDoesNotReachIsNamedInTheError() throws Exception {
        UUID mine = project("Remote, the key's project");
        UUID other = project("Remote, another project");
        Map<String, String> env = Map.of("BUILDTRACE_URL", url(), "BUILDTRACE_API_KEY", apiKey(mine));
        Path a = sheetSet("remote-404-a.pdf", 1);
        Path b = sheetSet("remote-404-b.pdf", 1, 0);

        Run byName = remote("", env, "submit", a.toString(), b.toString(), "--project", "Remote, another project");
        Run byId = remote("", env, "submit", a.toString(), b.toString(), "--project", other.toString());

        assertThat(byName.exit()).isEqualTo(RemoteExitCodes.FAILED);
        assertThat(byName.err()).contains("no project named 'Remote, another project' among the 1 this API key "
                + "reaches: 'Remote, the key's project'");
        assertThat(byId.exit()).isEqualTo(RemoteExitCodes.FAILED);
        assertThat(byId.err()).contains("no project " + other + " (or not one this API key reaches)");
        assertThat(api().get("/api/v1/projects/" + other + "/revisions").json().get("total").asInt()).isZero();
    }

    @Test
    void binBuildtraceRunsRemoteStatusWithoutStartingADatabase() throws Exception {
        // given a completed comparison, and bin/buildtrace beside a jar of this build as the build lays it out
        UUID project = project("Remote, process");
        UUID set = drawingSet(project, "Architectural");
        UUID a = uploadRevision(project, set, "Rev A", sheetSet("remote-proc-a.pdf", 1)).id();
        UUID b = uploadRevision(project, set, "Rev B", sheetSet("remote-proc-b.pdf", 1, 0)).id();
        UUID id = api().post("/api/v1/comparisons", "{\"oldRevisionId\": \"" + a + "\", \"newRevisionId\": \"" + b
                + "\"}").id();
        awaitEnd(id);
        Path root = commandLineLayout();
        Map<String, String> env = new HashMap<>(Map.of("BUILDTRACE_URL", url(), "BUILDTRACE_API_KEY", apiKey(project)));
        Path embedded = home.resolve("postgres");
        env.put("BUILDTRACE_DB_EMBEDDEDDIR", embedded.toString());
        env.put("JAVA_OPTS", "-Duser.home=" + home);

        // when `buildtrace remote status ID` runs twice (the first records the class-data archive, the second uses it)
        Run first = process(root, env, "remote", "status", id.toString());
        long start = System.nanoTime();
        Run second = process(root, env, "remote", "status", id.toString());
        double seconds = (System.nanoTime() - start) / 1e9;

        // then both print the comparison, nothing else, and no database was started
        for (Run r : List.of(first, second)) {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Comparison " + id + ": completed").contains("1 of 1 done: 1 changed")
                    .contains("web     " + url() + "/#/comparisons/" + id);
            assertThat(r.err()).isEmpty();
        }
        assertThat(root.resolve("batch-jobs/target/buildtrace-remote.jsa")).isNotEmptyFile();
        assertThat(embedded).doesNotExist();
        assertThat(home.resolve(".buildtrace")).doesNotExist();
        System.out.printf("bin/buildtrace remote status: %.2f s with its class-data archive%n", seconds);
    }

    /** Runs {@code bin/buildtrace ARGS} of {@code root} to its end (60 s at most). */
    private Run process(Path root, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", root.resolve("bin/buildtrace").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out-", ".txt");
        Path err = Files.createTempFile(work, "err-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A hard link to a jar (the test's temporary folder deletes it as its own), or a copy across file systems. */
    private static void link(Path jar, Path link) throws IOException {
        try {
            Files.createLink(link, jar);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(jar, link);
        }
    }

    /**
     * A copy of {@code bin/buildtrace} beside {@code batch-jobs/target/buildtrace.jar} and its {@code lib/}, as
     * {@code mvn package} makes them, built from this test's classpath; without the sources beside it, the script
     * runs the jar as it is.
     */
    private Path commandLineLayout() throws IOException {
        Path root = work.resolve("checkout");
        Path target = Files.createDirectories(root.resolve("batch-jobs/target"));
        Path lib = Files.createDirectories(target.resolve("lib"));
        Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("..", "bin", "buildtrace"), root.resolve("bin/buildtrace"));
        List<String> classPath = new ArrayList<>();
        Path batchClasses = null;
        for (Path p : BuildJars.runtimeClasspath()) {
            boolean batchJobs = p.toAbsolutePath().normalize().toString().contains("/batch-jobs/target/");
            if (batchJobs) {
                batchClasses = Files.isDirectory(p) ? p : p.resolveSibling("classes");
            } else if (Files.isDirectory(p)) {
                BuildJars.jar(p, lib.resolve(BuildJars.module(p) + ".jar"), BuildJars.manifest());
                classPath.add("lib/" + BuildJars.module(p) + ".jar");
            } else {
                link(p, lib.resolve(p.getFileName()));
                classPath.add("lib/" + p.getFileName());
            }
        }
        assertThat(batchClasses).as("batch-jobs on the runtime classpath").isNotNull();
        BuildJars.jar(batchClasses, target.resolve("buildtrace.jar"), BuildJars.manifest("Main-Class",
                "com.buildtrace.cli.BuildTraceCli", "Class-Path", String.join(" ", classPath)));
        return root;
    }
}
