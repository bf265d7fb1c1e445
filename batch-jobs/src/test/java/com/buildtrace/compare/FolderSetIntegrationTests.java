package com.buildtrace.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.compare.source.DrawingSet;
import com.buildtrace.compare.source.DrawingSetReader;
import com.buildtrace.compare.source.ImageSheet;
import com.buildtrace.compare.source.PdfSheet;
import com.buildtrace.compare.source.SheetSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A revision uploaded as several files: a folder of PDFs and images read as one set, in name order. */
class FolderSetIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void folderIsItsFilesInNameOrderPageAfterPage() throws IOException {
        // given: two PDFs and a scan, written out of name order, plus what is not part of the set
        Path set = Files.createDirectories(dir.resolve("rev-a"));
        DrawingFixtures.png(set.resolve("03-scan.png"));
        DrawingFixtures.pdfSet("A-103", "A-104").writeTo(set.resolve("02-upper.pdf"));
        DrawingFixtures.pdfSet("A-101", "A-102").writeTo(set.resolve("01-ground.pdf"));
        Files.writeString(set.resolve(".02-upper.pdf.1234.part"), "a copy still being written");
        DrawingFixtures.pdfSet("X-999").writeTo(Files.createDirectories(set.resolve("old")).resolve("x.pdf"));

        // when
        DrawingSet read = new DrawingSetReader().read(set);

        // then: each sheet still knows its file and its page in that file
        assertThat(read.format()).isEqualTo(DrawingSet.Format.FOLDER);
        assertThat(read.sheets()).extracting(s -> s.file().getFileName().toString(), SheetSource::pageIndex,
                s -> s.getClass().getSimpleName()).containsExactly(
                        tuple("01-ground.pdf", 0, PdfSheet.class.getSimpleName()),
                        tuple("01-ground.pdf", 1, PdfSheet.class.getSimpleName()),
                        tuple("02-upper.pdf", 0, PdfSheet.class.getSimpleName()),
                        tuple("02-upper.pdf", 1, PdfSheet.class.getSimpleName()),
                        tuple("03-scan.png", 0, ImageSheet.class.getSimpleName()));
        assertThat(read.sheets().get(3).describe()).isEqualTo("02-upper.pdf page 2");
    }

    @Test
    void foldersAreComparedAsSetsAndAFailedPageNamesItsFileAndPage() throws IOException {
        // given: two PDFs and a scan per revision; A-103 revised; A-104, page 4 of the new set, is page 2 of
        // its second file and has a photo that cannot be decoded
        Path oldSet = Files.createDirectories(dir.resolve("rev-a"));
        DrawingFixtures.pdfSet("A-101", "A-102").writeTo(oldSet.resolve("01-ground.pdf"));
        DrawingFixtures.pdfSet("A-103", "A-104").writeTo(oldSet.resolve("02-upper.pdf"));
        DrawingFixtures.png(oldSet.resolve("03-scan.png"));
        Path newSet = Files.createDirectories(dir.resolve("rev-b"));
        DrawingFixtures.pdfSet("A-101", "A-102").writeTo(newSet.resolve("01-ground.pdf"));
        DrawingFixtures.pdfSet("A-103", "A-104").revised("A-103").brokenPhoto(2)
                .writeTo(newSet.resolve("02-upper.pdf"));
        DrawingFixtures.png(newSet.resolve("03-scan.png"));

        // when
        SetComparison result = new SetComparator().compare(oldSet, newSet, dir.resolve("out"),
                CompareOptions.defaults().withFullImages(false), CompareListener.NONE);

        // then: pages are positions in the set, across its files
        assertThat(result.pages()).extracting(PageComparison::label, PageComparison::oldPage,
                PageComparison::newPage, PageComparison::status).containsExactly(
                        tuple("A-101", 0, 0, PageStatus.UNCHANGED),
                        tuple("A-102", 1, 1, PageStatus.UNCHANGED),
                        tuple("A-103", 2, 2, PageStatus.CHANGED),
                        tuple("A-104", 3, 3, PageStatus.FAILED),
                        tuple("page 5", 4, 4, PageStatus.UNCHANGED));
        assertThat(result.pages().get(3).error()).startsWith("02-upper.pdf page 2: the page fails to render (");
        assertThat(result.pages().get(2).regions()).isNotEmpty();
        assertThat(dir.resolve("out/sheets/sheet-003-A-103/preview.png")).isRegularFile();
        assertThat(dir.resolve("out/sheets/sheet-005/preview.png")).isRegularFile();
    }

    @Test
    void fileThatIsNotADrawingFailsTheSetNamingIt() throws IOException {
        Path set = Files.createDirectories(dir.resolve("rev-a"));
        DrawingFixtures.pdfSet("A-101").writeTo(set.resolve("01.pdf"));
        DrawingFixtures.textFile(set.resolve("02-notes.txt"));

        assertThatExceptionOfType(DrawingInputException.class).isThrownBy(() -> new DrawingSetReader().read(set))
                .withMessage("02-notes.txt: not a PDF or an image (PNG, JPEG, TIFF)")
                .satisfies(e -> assertThat(e.file()).isEqualTo(set.resolve("02-notes.txt")));
    }

    @Test
    void emptyFolderFailsTheSetNamingTheFolder() throws IOException {
        Path set = Files.createDirectories(dir.resolve("rev-a"));
        Files.writeString(set.resolve(".hidden"), "x");

        assertThatExceptionOfType(DrawingInputException.class).isThrownBy(() -> new DrawingSetReader().read(set))
                .withMessage("rev-a: the folder holds no drawing files");
    }

    @Test
    void engineReadsAFolderAgainWhenAFileIsAddedOrReplaced() throws IOException {
        Path set = Files.createDirectories(dir.resolve("rev-a"));
        DrawingFixtures.pdfSet("A-101", "A-102").writeTo(set.resolve("01.pdf"));
        try (ComparisonEngine engine = new ComparisonEngine(CompareOptions.defaults())) {
            assertThat(engine.sheets(set)).hasSize(2);

            DrawingFixtures.pdfSet("A-103").writeTo(set.resolve("02.pdf"));
            assertThat(engine.sheets(set)).hasSize(3);

            Path replacement = DrawingFixtures.pdfSet("A-101").writeTo(dir.resolve("01.pdf"));
            Files.move(replacement, set.resolve("01.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(engine.sheets(set)).extracting(s -> s.file().getFileName().toString())
                    .containsExactly("01.pdf", "02.pdf");
        }
    }
}
