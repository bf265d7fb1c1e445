package com.buildtrace.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.buildtrace.compare.CompareListener;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.fixtures.CloudedSheets;
import com.buildtrace.fixtures.Sheets;
import com.buildtrace.report.HtmlReportWriter;
import com.buildtrace.report.ResultJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download package: what it holds, taken from a real comparison folder, and that it streams. */
class ComparisonPackageTests {

    @TempDir
    Path dir;

    @Test
    void holdsTheResultSummaryReportWithItsImagesTheAnnotatedPdfAndTheCsvs() throws IOException {
        // given: a comparison folder as finalize leaves it, with a summary
        Path out = dir.resolve("out");
        Path oldFile = Sheets.write(dir.resolve("a.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.OLD));
        Path newFile = Sheets.write(dir.resolve("b.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.NEW));
        SetComparison result = new SetComparator().compare(oldFile, newFile, out, CompareOptions.defaults(),
                CompareListener.NONE);
        new ResultJsonWriter().write(result, out.resolve("result.json"), "test");
        new HtmlReportWriter().write(result, out.resolve("index.html"));
        Files.writeString(out.resolve("summary.json"), "{\"kind\": \"deterministic\"}");
        ShareFiles.write(result, out);

        // when
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ComparisonPackage.write(out, zip);

        // then: every file, under the name the report links it by, byte for byte
        Map<String, byte[]> entries = unzip(zip.toByteArray());
        String sheet = result.pages().get(0).images().preview().replace("/preview.png", "");
        assertThat(entries.keySet()).containsExactly("result.json", "summary.json", "report.html", "annotated.pdf",
                "changes.csv", "sheets.csv", sheet + "/overlay.png", sheet + "/old.png", sheet + "/new.png",
                sheet + "/preview.png", sheet + "/thumbnail.png");
        assertThat(entries.get("report.html")).isEqualTo(Files.readAllBytes(out.resolve("index.html")));
        assertThat(entries.get(sheet + "/overlay.png")).isEqualTo(Files.readAllBytes(out.resolve(sheet + "/overlay.png")));
        assertThat(new String(entries.get("report.html"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("src=\"" + sheet + "/preview.png\"");
    }

    @Test
    void aComparisonWithoutResultHasNoPackageAndPathsOutsideTheFolderAreNotPacked() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        assertThatExceptionOfType(NoSuchFileException.class)
                .isThrownBy(() -> ComparisonPackage.write(out, new ByteArrayOutputStream()));

        Files.writeString(dir.resolve("secret.txt"), "not for the package");
        Files.writeString(out.resolve("result.json"), """
                {"pages": [{"images": {"preview": "../secret.txt", "thumbnail": "sheets/missing.png"}}]}""");
        assertThat(ComparisonPackage.entries(out).keySet()).containsExactly("result.json");
    }

    @Test
    void aThreeHundredSheetPackageIsWrittenUnderASmallHeap() throws Exception {
        // given: 300 sheets' images (282 KB a sheet, 83 MB in all) and a 6 MB annotated PDF
        Path out = dir.resolve("big");
        Random random = new Random(7);
        StringBuilder json = new StringBuilder("{\"pages\": [");
        for (int i = 0; i < 300; i++) {
            String d = String.format("sheets/sheet-%03d-A-%d", i + 1, 100 + i);
            Files.createDirectories(out.resolve(d));
            write(out.resolve(d + "/overlay.png"), 200 * 1024, random);
            write(out.resolve(d + "/preview.png"), 74 * 1024, random);
            write(out.resolve(d + "/thumbnail.png"), 8 * 1024, random);
            json.append(i == 0 ? "" : ",").append("{\"sheet\": \"A-").append(100 + i).append("\", \"images\": {")
                    .append("\"overlay\": \"").append(d).append("/overlay.png\", \"preview\": \"").append(d)
                    .append("/preview.png\", \"thumbnail\": \"").append(d).append("/thumbnail.png\", \"width\": 5400}}");
        }
        Files.writeString(out.resolve("result.json"), json.append("]}"));
        write(out.resolve(AnnotatedPdfWriter.FILE), 6 << 20, random);
        Path zip = dir.resolve("package.zip");

        // when: written by a JVM of its own with a 32 MB heap
        Path log = dir.resolve("package.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                PackageMain.class.getName(), out.toString(), zip.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        // then
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.size(zip)).isGreaterThan(88L << 20);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.size()).isEqualTo(2 + 900);
            ZipEntry last = z.getEntry("sheets/sheet-300-A-399/overlay.png");
            assertThat(last.getSize()).isEqualTo(200 * 1024);
        }
        String peak = Files.readString(log).replaceAll("(?s).*peak heap bytes: (\\d+).*", "$1");
        assertThat(Long.parseLong(peak)).isLessThan(32L << 20);
    }

    private static void write(Path file, int bytes, Random random) throws IOException {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        Files.write(file, b);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
