package com.buildtrace.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.buildtrace.cli.BuildTraceCli;
import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.sheets.SheetPairing;
import com.buildtrace.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input, end to end through {@link SetComparator} and the {@code buildtrace compare} command line,
 * against the requirement: <em>"Bad input (corrupt, truncated, encrypted, zero pages, not a PDF/image, absurd
 * page size, a page that fails to render): a clear error naming the file and page; one bad sheet fails that
 * sheet pair, never the whole set."</em>
 * <p>
 * A file that cannot be used at all makes the comparison throw {@link DrawingInputException} naming the file,
 * and the command line exit with 1 and a single {@code buildtrace:} line. A bad page fails its own sheet pair
 * with an error naming file and page, the other sheets compare as usual, and the command line exits with 3.
 * Fixtures are drawn with PDFBox into a temporary folder ({@link DrawingFixtures}).
 */
class BadInputIntegrationTests {

    @TempDir
    Path dir;

    /** Which revision of the comparison holds the bad file or page. */
    enum Side { OLD, NEW }

    /** A file that cannot be used at all, and the reason the engine gives, in its own words. */
    enum BadFile {
        MISSING("missing file", "missing.pdf", "file not found", Files::deleteIfExists),
        EMPTY("0-byte file", "empty.pdf", "file is empty", DrawingFixtures::emptyFile),
        NOT_A_DRAWING("text file named .pdf", "sheet-list.pdf", "not a PDF or an image (PNG, JPEG, TIFF)",
                DrawingFixtures::textFile),
        TRUNCATED_PDF("PDF with object streams cut to 60% (page tree lost)", "truncated.pdf",
                "corrupt or truncated PDF (", file -> DrawingFixtures.truncated(
                        DrawingFixtures.pdfSet("A-101", "A-102", "A-103", "A-104", "A-105")
                                .writeTo(file.resolveSibling("complete.pdf")), file, 0.6)),
        ENCRYPTED("PDF with a user password", "protected.pdf", "the PDF is encrypted with a password",
                file -> DrawingFixtures.pdfSet("A-101", "A-102", "A-103").encrypted("s3cret").writeTo(file)),
        ZERO_PAGES("PDF with zero pages", "no-pages.pdf", "the PDF has no pages", DrawingFixtures::zeroPagePdf),
        CORRUPT_PNG("PNG signature followed by garbage", "corrupt.png", "corrupt or truncated image (",
                DrawingFixtures::corruptPng),
        TRUNCATED_PNG("PNG cut to 60%", "truncated.png", "corrupt or truncated image (",
                file -> DrawingFixtures.truncated(DrawingFixtures.png(file.resolveSibling("complete.png")), file,
                        0.6));

        private final String description;

        final String fileName;

        /** The start of the message after "file: ": the library's own detail may follow in parentheses. */
        final String reason;

        private final Maker maker;

        BadFile(String description, String fileName, String reason, Maker maker) {
            this.description = description;
            this.fileName = fileName;
            this.reason = reason;
            this.maker = maker;
        }

        Path createIn(Path dir) throws IOException {
            Path file = dir.resolve(fileName);
            maker.make(file);
            return file;
        }

        @Override
        public String toString() {
            return description;
        }

        /** Puts the bad file in place. */
        interface Maker {
            void make(Path file) throws IOException;
        }
    }

    static Stream<Arguments> badFilesOnEitherSide() {
        return Arrays.stream(BadFile.values()).flatMap(f -> Stream.of(Arguments.of(f, Side.OLD),
                Arguments.of(f, Side.NEW)));
    }

    // ------------------------------------------------------------------------------------ whole files

    @ParameterizedTest(name = "{0} as the {1} revision")
    @MethodSource("badFilesOnEitherSide")
    void fileThatCannotBeUsedFailsTheComparisonNamingTheFile(BadFile bad, Side side) throws IOException {
        // given
        Path good = DrawingFixtures.pdfSet("A-101", "A-102", "A-103").writeTo(dir.resolve("rev-a.pdf"));
        Path broken = bad.createIn(dir);
        Path oldFile = side == Side.OLD ? broken : good;
        Path newFile = side == Side.NEW ? broken : good;

        // when / then
        assertThatExceptionOfType(DrawingInputException.class)
                .isThrownBy(() -> compare(oldFile, newFile))
                .withMessageStartingWith(bad.fileName + ": " + bad.reason)
                .satisfies(e -> {
                    assertThat(e.file()).isEqualTo(broken);
                    assertThat(e.pageIndex()).isEqualTo(-1);
                });
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadFile.class)
    void commandLineExitsWithOneAndASingleLineNamingTheFile(BadFile bad) throws IOException {
        // given
        Path good = DrawingFixtures.pdfSet("A-101", "A-102", "A-103").writeTo(dir.resolve("rev-a.pdf"));
        Path broken = bad.createIn(dir);
        Path out = dir.resolve("report");

        // when
        CliRun run = cli("compare", good.toString(), broken.toString(), "--out", out.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().stream().filter(l -> !l.startsWith("comparison "))).singleElement(STRING)
                .startsWith("buildtrace: " + bad.fileName + ": " + bad.reason);
        assertThat(out.resolve("result.json")).doesNotExist();
    }

    @Test
    void classicPdfCutShortKeepsItsSurvivingSheetsAndFailsTheLostOnesByPage() throws IOException {
        // given
        Path complete = DrawingFixtures.pdfSet("A-101", "A-102", "A-103", "A-104", "A-105").withoutObjectStreams()
                .writeTo(dir.resolve("complete.pdf"));
        Path oldFile = DrawingFixtures.pdfSet("A-101", "A-102", "A-103", "A-104", "A-105")
                .writeTo(dir.resolve("rev-a.pdf"));
        Path truncated = DrawingFixtures.truncated(complete, dir.resolve("truncated.pdf"), 0.6);

        // when
        SetComparison result = compare(oldFile, truncated);

        // then
        assertThat(result.pages()).extracting(PageComparison::oldPage, PageComparison::newPage)
                .containsExactly(tuple(0, 0), tuple(1, 1), tuple(2, 2), tuple(3, 3), tuple(4, 4));
        assertThat(result.pages().subList(0, 3)).allSatisfy(p -> {
            assertThat(p.pairedBy()).isEqualTo(SheetPairing.By.NUMBER);
            assertThat(p.status()).isIn(PageStatus.CHANGED, PageStatus.UNCHANGED);
        });
        assertThat(result.pages().get(3).status()).isEqualTo(PageStatus.FAILED);
        assertThat(result.pages().get(3).error()).startsWith("truncated.pdf page 4: ");
        assertThat(result.pages().get(4).status()).isEqualTo(PageStatus.FAILED);
        assertThat(result.pages().get(4).error()).startsWith("truncated.pdf page 5: ");
    }

    // ------------------------------------------------------------------------------------ single pages

    @ParameterizedTest(name = "bad page in the {0} revision")
    @EnumSource(Side.class)
    void pageThatFailsToRenderFailsItsOwnPairOnly(Side side) throws IOException {
        // given: page 2 of one revision shows a photo whose JPEG data is garbage; its text is intact, so it
        // is still identified as A-102 and paired by number, but painting the page fails
        Path oldFile = (side == Side.OLD ? threeSheets().brokenPhoto(2) : threeSheets())
                .writeTo(dir.resolve("rev-a.pdf"));
        Path newFile = (side == Side.NEW ? threeSheets().brokenPhoto(2) : threeSheets()).revised("A-103")
                .writeTo(dir.resolve("rev-b.pdf"));
        Path bad = side == Side.OLD ? oldFile : newFile;

        // when
        SetComparison result = compare(oldFile, newFile);

        // then
        assertThat(result.pages())
                .extracting(PageComparison::label, PageComparison::status, PageComparison::pairedBy)
                .containsExactly(tuple("A-101", PageStatus.UNCHANGED, SheetPairing.By.NUMBER),
                        tuple("A-102", PageStatus.FAILED, SheetPairing.By.NUMBER),
                        tuple("A-103", PageStatus.CHANGED, SheetPairing.By.NUMBER));
        PageComparison failed = result.pages().get(1);
        assertThat(failed.error()).startsWith(bad.getFileName() + " page 2: the page fails to render (");
        assertThat(failed.images()).isNull();
        assertThat(dir.resolve("out/sheets/sheet-002-A-102")).doesNotExist();
        assertThat(result.pages().get(2).regions()).hasSize(1);
        assertThat(dir.resolve("out/sheets/sheet-003-A-103/preview.png")).isRegularFile();
    }

    @Test
    void sheetOfAbsurdSizeFailsWithItsSizeWhenItIsTheOnlySheet() throws IOException {
        // given
        Path oldFile = DrawingFixtures.pdfSet("A-101").writeTo(dir.resolve("rev-a.pdf"));
        Path newFile = DrawingFixtures.pdfSet("A-101").mediaBox(1, 20000, 20000).writeTo(dir.resolve("huge.pdf"));

        // when
        SetComparison result = compare(oldFile, newFile);

        // then
        assertThat(result.pages()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PageStatus.FAILED);
            assertThat(p.pairedBy()).isEqualTo(SheetPairing.By.ONLY_SHEETS);
            assertThat(p.error())
                    .isEqualTo("huge.pdf page 1: the page is 278 x 278 in, larger than the 200 in allowed per side");
        });
    }

    @Test
    void sheetOfAbsurdSizeInASetFailsItsOwnPairOnly() throws IOException {
        // given
        Path oldFile = threeSheets().writeTo(dir.resolve("rev-a.pdf"));
        Path newFile = threeSheets().revised("A-103").mediaBox(2, 20000, 20000).writeTo(dir.resolve("huge.pdf"));

        // when
        SetComparison result = compare(oldFile, newFile);

        // then
        assertThat(result.pages())
                .extracting(PageComparison::label, PageComparison::oldPage, PageComparison::newPage,
                        PageComparison::status)
                .containsExactly(tuple("A-101", 0, 0, PageStatus.UNCHANGED),
                        tuple("A-102", 1, 1, PageStatus.FAILED),
                        tuple("A-103", 2, 2, PageStatus.CHANGED));
        assertThat(result.pages().get(1).error())
                .isEqualTo("huge.pdf page 2: the page is 278 x 278 in, larger than the 200 in allowed per side");
    }

    @Test
    void pageWithGarbledContentStreamFailsItsOwnPairOnly() throws IOException {
        // given
        Path oldFile = threeSheets().writeTo(dir.resolve("rev-a.pdf"));
        Path newFile = threeSheets().revised("A-103").garbledContent(2).writeTo(dir.resolve("garbled.pdf"));

        // when
        SetComparison result = compare(oldFile, newFile);

        // then
        assertThat(result.pages())
                .extracting(PageComparison::label, PageComparison::oldPage, PageComparison::newPage,
                        PageComparison::status)
                .containsExactly(tuple("A-101", 0, 0, PageStatus.UNCHANGED),
                        tuple("A-102", 1, 1, PageStatus.FAILED),
                        tuple("A-103", 2, 2, PageStatus.CHANGED));
        assertThat(result.pages().get(1).error()).startsWith("garbled.pdf page 2: ");
    }

    @Test
    void addedSheetThatFailsToRenderIsReportedWithItsReason() throws IOException {
        // given
        Path oldFile = threeSheets().writeTo(dir.resolve("rev-a.pdf"));
        Path newFile = DrawingFixtures.pdfSet("A-101", "A-102", "A-103", "A-104").brokenPhoto(4)
                .writeTo(dir.resolve("rev-b.pdf"));

        // when
        SetComparison result = compare(oldFile, newFile);

        // then
        assertThat(result.pages()).extracting(PageComparison::label, PageComparison::status)
                .containsExactly(tuple("A-101", PageStatus.UNCHANGED), tuple("A-102", PageStatus.UNCHANGED),
                        tuple("A-103", PageStatus.UNCHANGED), tuple("A-104", PageStatus.FAILED));
        assertThat(result.pages().get(3).error()).startsWith("rev-b.pdf page 4: the page fails to render (");
    }

    // ------------------------------------------------------------------------------------ command line

    @Test
    void commandLineWithAFailedSheetExitsWithThreeWritesTheResultAndPrintsTheReason() throws IOException {
        // given
        Path oldFile = threeSheets().writeTo(dir.resolve("rev-a.pdf"));
        Path newFile = threeSheets().revised("A-103").brokenPhoto(2).writeTo(dir.resolve("rev-b.pdf"));
        Path out = dir.resolve("report");

        // when
        CliRun run = cli("compare", oldFile.toString(), newFile.toString(), "--out", out.toString(), "--quiet",
                "--no-full-images");

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).hasSize(2);
        assertThat(run.stderr().get(0)).startsWith("buildtrace: A-102: rev-b.pdf page 2: the page fails to render (");
        assertThat(run.stderr().get(1)).startsWith("buildtrace: once the file is fixed, compare the failed sheets "
                + "again with: buildtrace retry ").endsWith(" --failed");
        assertThat(run.stdout()).contains("3 sheets: 1 changed, 1 unchanged, 0 added, 0 removed, 1 FAILED in ");
        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("result.json"));
        assertThat(json.path("summary").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("pages")).extracting(p -> p.path("sheet").asString(), p -> p.path("status").asString())
                .containsExactly(tuple("A-101", "unchanged"), tuple("A-102", "failed"), tuple("A-103", "changed"));
        assertThat(json.path("pages").path(1).path("error").asString())
                .startsWith("rev-b.pdf page 2: the page fails to render (");
        assertThat(out.resolve("index.html")).isRegularFile();
    }

    // ------------------------------------------------------------------------------------ helpers

    private static DrawingFixtures.PdfSet threeSheets() {
        return DrawingFixtures.pdfSet("A-101", "A-102", "A-103");
    }

    private SetComparison compare(Path oldFile, Path newFile) throws IOException {
        return new SetComparator().compare(oldFile, newFile, dir.resolve("out"),
                CompareOptions.defaults().withFullImages(false), CompareListener.NONE);
    }

    /** What a run of the command line printed and returned. */
    private record CliRun(int exitCode, List<String> stderr, String stdout) {
    }

    /** Runs the command line with stdout and stderr captured (picocli reaches them through System.out/err). */
    private static CliRun cli(String... args) {
        TestDatabase.use();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = BuildTraceCli.execute(args);
            return new CliRun(code, err.toString(StandardCharsets.UTF_8).lines().toList(),
                    out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
