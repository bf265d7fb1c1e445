package com.buildtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.samples.SampleSetGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line on the example set: what a user runs first. */
class BuildTraceCliIntegrationTests {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void database() {
        com.buildtrace.testing.TestDatabase.use();
    }

    @Test
    void comparesTheExampleSetAndWritesTheReport() throws IOException {
        SampleSetGenerator.Example example = new SampleSetGenerator().writeBoth(dir);
        Path a = example.revA();
        Path b = example.revB();
        Path out = dir.resolve("report");

        String id = java.util.UUID.randomUUID().toString();
        int code = BuildTraceCli.execute("compare", a.toString(), b.toString(), "--out", out.toString(), "--quiet",
                "--id", id);

        assertThat(code).isZero();
        assertThat(out.resolve("logs/buildtrace.log")).content().contains("compareSheetsStep");
        String status = stdout("status", id);
        assertThat(status).startsWith("comparison " + id + ": completed, 6/6 sheets done")
                .containsPattern("A-101 +changed +9 regions +8 text changes")
                .containsPattern("E-101 +unchanged +0 regions");
        assertThat(stdout("history", "--limit", "50")).containsPattern(id + " .* completed +6/6 +clinic-rev-A.pdf -> clinic-rev-B.pdf");
        JsonNode result = JsonMapper.builder().build().readTree(out.resolve("result.json").toFile());
        assertThat(result.get("summary").get("changed").asInt()).isEqualTo(4);
        assertThat(result.get("summary").get("unchanged").asInt()).isEqualTo(1);
        assertThat(result.get("summary").get("added").asInt()).isEqualTo(1);
        JsonNode first = result.get("pages").get(0);
        assertThat(first.get("sheet").asString()).isEqualTo("A-001");
        String overlay = first.get("images").get("overlay").asString();
        assertThat(out.resolve(overlay)).isRegularFile();
        // the web viewer's tile pyramids are left out of a report unless asked for (--tiles)
        assertThat(out.resolve(overlay).resolveSibling("overlay.tiles")).doesNotExist();
        assertThat(Files.readString(out.resolve("index.html"))).contains("A-101", "26&#39;-0&quot;");
    }

    @Test
    void writesTilePyramidsWhenAsked() throws IOException {
        SampleSetGenerator.Example example = new SampleSetGenerator().writeBoth(dir);
        Path out = dir.resolve("tiled");

        int code = BuildTraceCli.execute("compare", example.revA().toString(), example.revB().toString(), "--out",
                out.toString(), "--quiet", "--dpi", "72", "--tiles");

        assertThat(code).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(out.resolve("result.json").toFile());
        Path overlay = out.resolve(result.get("pages").get(0).get("images").get("overlay").asString());
        for (String image : new String[] {"overlay", "old", "new"}) {
            assertThat(overlay.resolveSibling(image + ".tiles")).as(image).isNotEmptyFile();
        }
    }

    /** What a command printed on standard output. */
    private static String stdout(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        int code = new picocli.CommandLine(new BuildTraceCli()).setOut(new java.io.PrintWriter(out, true)).execute(args);
        assertThat(code).isZero();
        return out.toString();
    }

    @Test
    void failsWithAOneLineReasonForAFileThatIsNotADrawing() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a drawing");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        System.setErr(new PrintStream(err, true));
        try {
            code = new picocli.CommandLine(new BuildTraceCli()).setErr(new java.io.PrintWriter(err, true))
                    .execute("compare", text.toString(), text.toString(), "--out", dir.resolve("o").toString(), "--quiet");
        } finally {
            System.setErr(saved);
        }

        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString().strip()).isEqualTo("buildtrace: notes.txt: not a PDF or an image (PNG, JPEG, TIFF)");
    }

    @Test
    void rejectsAnImpossibleResolution() {
        int code = BuildTraceCli.execute("compare", "a.pdf", "b.pdf", "--out", dir.toString(), "--dpi", "5", "--quiet");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
    }
}
