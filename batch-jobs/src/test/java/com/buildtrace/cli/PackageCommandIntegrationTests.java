package com.buildtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.fixtures.CloudedSheets;
import com.buildtrace.fixtures.Sheets;
import com.buildtrace.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compareDrawingsJob's finalize step writes the annotated PDF and the triage files and records them; the
 * command line packs the folder with {@code compare --package} and {@code package ID}.
 */
class PackageCommandIntegrationTests {

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        TestDatabase.use();
    }

    @Test
    void compareWritesTheShareablesAndThePackageAndPackageWritesItAgainById() throws IOException {
        // given
        Path oldFile = Sheets.write(dir.resolve("rev-1.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.OLD));
        Path newFile = Sheets.write(dir.resolve("rev-2.pdf"), Sheets.Sheet.of("A-101", CloudedSheets.NEW));
        Path out = dir.resolve("out");
        Path zip = dir.resolve("compare.zip");
        String id = UUID.randomUUID().toString();

        // when
        int code = BuildTraceCli.execute("compare", oldFile.toString(), newFile.toString(), "--out", out.toString(),
                "--quiet", "--id", id, "--package", zip.toString());

        // then: the folder has the shareables, recorded as artifacts of the set
        assertThat(code).isZero();
        assertThat(out.resolve("annotated.pdf")).isRegularFile();
        assertThat(out.resolve("changes.csv")).content().contains("A-101", "NEW CASEWORK", "unclouded", "clouded");
        assertThat(out.resolve("sheets.csv")).content().contains("1,A-101,FLOOR PLAN,changed");
        List<String> kinds = TestDatabase.jdbc().sql("SELECT kind FROM artifact WHERE comparison_id = ?::uuid "
                + "AND task_index = -1").param(id).query(String.class).list();
        assertThat(kinds).containsExactlyInAnyOrder("result", "report", "summary", "annotated-pdf", "changes-csv",
                "sheets-csv");
        List<String> names = names(zip);
        assertThat(names).contains("result.json", "report.html", "annotated.pdf", "changes.csv", "sheets.csv")
                .anyMatch(n -> n.endsWith("/preview.png"));

        // and the package command writes the same package by the comparison's id
        Path again = dir.resolve("again.zip");
        assertThat(BuildTraceCli.execute("package", id, again.toString())).isZero();
        assertThat(names(again)).isEqualTo(names);
        assertThat(BuildTraceCli.execute("package", UUID.randomUUID().toString(), dir.resolve("x.zip").toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }

    private static List<String> names(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
        }
    }
}
