package com.buildtrace.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code remote download}: a package is put in place whole or not at all. */
class DownloadCommandTests extends RemoteCommandTest {

    @TempDir
    Path dir;

    final UUID id = UUID.randomUUID();

    private void serve(byte[] zip) {
        server.enqueue(json(200, comparison(id, "completed", 1, 1, "A-101:changed")));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/zip")
                .setBody(new Buffer().write(zip)));
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write(("content of " + e).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Stream<String> names() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> !f.equals(dir)).map(f -> dir.relativize(f).toString()).sorted().toList().stream();
        }
    }

    @Test
    void writesTheZipOrUnpacksIt() throws IOException {
        byte[] zip = zip("result.json", "report.html", "sheets/sheet-001-A-101/preview.png");
        serve(zip);
        assertThat(run("download", id.toString(), "--out", dir.toString())).isZero();
        assertThat(names()).containsExactly("buildtrace-" + id + ".zip");
        assertThat(Files.readAllBytes(dir.resolve("buildtrace-" + id + ".zip"))).isEqualTo(zip);
        assertThat(out()).contains("(3 files, 1 KB in ");

        Files.delete(dir.resolve("buildtrace-" + id + ".zip"));
        Files.writeString(Files.createDirectories(dir.resolve("sheets")).resolve("stale.png"), "from an earlier download");
        serve(zip);
        assertThat(run("download", id.toString(), "--out", dir.toString(), "--unzip")).isZero();
        assertThat(names()).containsExactly("report.html", "result.json", "sheets", "sheets/sheet-001-A-101",
                "sheets/sheet-001-A-101/preview.png");
        assertThat(Files.readString(dir.resolve("result.json"))).isEqualTo("content of result.json");
    }

    @Test
    void aPackageCutShortLeavesNothingBehind() throws IOException {
        byte[] zip = zip("result.json", "report.html");
        serve(Arrays.copyOf(zip, zip.length - 30));

        assertThat(run("download", id.toString(), "--out", dir.toString())).isEqualTo(RemoteExitCodes.UNREACHABLE);

        assertThat(err()).contains("the package of " + id + " arrived incomplete or damaged", "download it again");
        assertThat(names()).isEmpty();
    }

    @Test
    void refusesEntriesThatWouldLandOutsideTheFolder() throws IOException {
        serve(zip("result.json", "../escaped.txt"));

        assertThat(run("download", id.toString(), "--out", dir.toString(), "--unzip"))
                .isEqualTo(RemoteExitCodes.FAILED);

        assertThat(err()).contains("outside its folder (../escaped.txt)");
        assertThat(names()).isEmpty();
        assertThat(dir.resolveSibling("escaped.txt")).doesNotExist();
    }

    @Test
    void saysToWaitForAComparisonStillRunning() throws IOException {
        server.enqueue(json(200, comparison(id, "running", 1, 4)));

        assertThat(run("download", id.toString(), "--out", dir.toString())).isEqualTo(RemoteExitCodes.FAILED);

        assertThat(err()).contains("comparison " + id + " is running (1 of 4 sheets done); follow it with "
                + "'buildtrace remote watch " + id + "': it has no package");
        assertThat(names()).isEmpty();
    }
}
