package com.buildtrace.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.buildtrace.BatchJobsApplication;
import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.DrawingFixtures;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonProgress;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** compareDrawingsJob against the real PostgreSQL: history, per-sheet results, a bad sheet, a retry. */
@SpringBootTest(classes = BatchJobsApplication.class)
class CompareDrawingsJobIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("buildtrace.db.url", TestDatabase::use);
        registry.add("buildtrace.db.user", TestDatabase::user);
        registry.add("buildtrace.db.password", TestDatabase::password);
    }

    @TempDir
    Path dir;

    @Autowired
    ComparisonLauncher launcher;

    @Autowired
    ComparisonStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void multiSheetComparisonCompletesWithHistoryAndPerSheetResultsInTheDatabase() throws Exception {
        // given: five sheets, one revised, one removed
        Path oldFile = DrawingFixtures.pdfSet("A-101", "A-102", "A-103", "A-104", "A-105")
                .writeTo(dir.resolve("rev-a.pdf"));
        Path newFile = DrawingFixtures.pdfSet("A-101", "A-102", "A-103", "A-104").revised("A-103")
                .writeTo(dir.resolve("rev-b.pdf"));
        JobRequest request = request(oldFile, newFile, dir.resolve("out"));

        // when
        JobExecution execution = launcher.run(request);

        // then: the job and every step completed, one partition per sheet task
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> steps = execution.getStepExecutions().stream().map(StepExecution::getStepName).sorted().toList();
        assertThat(steps).contains(JobKeys.INGEST_STEP, JobKeys.PAIR_STEP, JobKeys.MANAGER_STEP,
                JobKeys.SUMMARIZE_STEP, JobKeys.FINALIZE_STEP);
        assertThat(steps.stream().filter(s -> s.startsWith(JobKeys.WORKER_STEP + ":"))).hasSize(5);

        // history: the comparison is recorded, with its sheets
        UUID id = request.comparisonId();
        Comparison c = store.find(id).orElseThrow();
        assertThat(c.status()).isEqualTo(Comparison.COMPLETED);
        assertThat(c.sheetsTotal()).isEqualTo(5);
        assertThat(c.startedAt()).isNotNull();
        assertThat(c.finishedAt()).isAfterOrEqualTo(c.startedAt());
        assertThat(store.recent(50)).extracting(Comparison::id).contains(id);
        assertThat(jdbc.sql("SELECT count(*) FROM comparison_sheet WHERE comparison_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(9);

        // per-sheet results, queryable as rows with their regions as JSONB
        assertThat(store.results(id)).extracting(PageComparison::label, PageComparison::status)
                .containsExactlyInAnyOrder(tuple("A-101", PageStatus.UNCHANGED), tuple("A-102", PageStatus.UNCHANGED),
                        tuple("A-103", PageStatus.CHANGED), tuple("A-104", PageStatus.UNCHANGED),
                        tuple("A-105", PageStatus.REMOVED));
        Integer regions = jdbc.sql("""
                SELECT jsonb_array_length(regions) FROM sheet_pair_result WHERE comparison_id = ? AND label = 'A-103'""")
                .param(id).query(Integer.class).single();
        assertThat(regions).isPositive();
        ComparisonProgress progress = store.progress(id);
        assertThat(progress.done()).isEqualTo(5);
        assertThat(progress.total()).isEqualTo(5);
        assertThat(progress.sheets()).allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));

        // the set's files and the artifacts that record them
        JsonNode result = JsonMapper.builder().build().readTree(dir.resolve("out/result.json").toFile());
        assertThat(result.path("summary").path("changed").asInt()).isEqualTo(1);
        assertThat(result.path("pages")).hasSize(5);
        List<String> kinds = jdbc.sql("SELECT kind FROM artifact WHERE comparison_id = ? AND task_index = -1")
                .param(id).query(String.class).list();
        assertThat(kinds).containsExactlyInAnyOrder("result", "report", "summary", "annotated-pdf", "changes-csv",
                "sheets-csv");
        String preview = jdbc.sql("""
                SELECT a.uri FROM artifact a JOIN sheet_pair_result r USING (comparison_id, task_index)
                WHERE a.comparison_id = ? AND r.label = 'A-103' AND a.kind = 'preview'""").param(id)
                .query(String.class).single();
        assertThat(Path.of(java.net.URI.create(preview))).isRegularFile();
        String summary = jdbc.sql("SELECT summary->>'kind' FROM comparison WHERE id = ?").param(id)
                .query(String.class).single();
        assertThat(summary).isEqualTo("deterministic");
    }

    @Test
    void badSheetFailsAloneAndCanBeRetriedAloneOnceItsFileIsFixed() throws Exception {
        // given: page 2 of the new set holds a photo that cannot be decoded
        Path oldFile = DrawingFixtures.pdfSet("A-101", "A-102", "A-103").writeTo(dir.resolve("rev-a.pdf"));
        Path newFile = DrawingFixtures.pdfSet("A-101", "A-102", "A-103").revised("A-103").brokenPhoto(2)
                .writeTo(dir.resolve("rev-b.pdf"));
        JobRequest request = request(oldFile, newFile, dir.resolve("out"));
        UUID id = request.comparisonId();

        // when
        JobExecution execution = launcher.run(request);

        // then: the comparison completes; the bad sheet is failed with its reason, the others are compared
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(Comparison.COMPLETED);
        assertThat(store.progress(id).sheets()).extracting(ComparisonProgress.Sheet::label,
                        ComparisonProgress.Sheet::status)
                .containsExactly(tuple("A-101", "unchanged"), tuple("A-102", "failed"), tuple("A-103", "changed"));
        ComparisonProgress.Sheet failed = store.progress(id).sheets().get(1);
        assertThat(failed.error()).startsWith("rev-b.pdf page 2: the page fails to render (");

        // when the file is fixed and the failed sheet retried
        Path fixed = DrawingFixtures.pdfSet("A-101", "A-102", "A-103").revised("A-103")
                .writeTo(dir.resolve("fixed.pdf"));
        Files.move(fixed, newFile, StandardCopyOption.REPLACE_EXISTING);
        List<Integer> tasks = launcher.tasksOf(id, List.of(), true);
        JobExecution retry = launcher.retry(id, tasks);

        // then only that sheet was compared again, and the set's result says so
        assertThat(retry.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(tasks).containsExactly(failed.taskIndex());
        assertThat(store.progress(id).sheets()).extracting(ComparisonProgress.Sheet::label,
                        ComparisonProgress.Sheet::status, ComparisonProgress.Sheet::attempts)
                .containsExactly(tuple("A-101", "unchanged", 1), tuple("A-102", "unchanged", 2),
                        tuple("A-103", "changed", 1));
        JsonNode result = JsonMapper.builder().build().readTree(dir.resolve("out/result.json").toFile());
        assertThat(result.path("summary").path("failed").asInt()).isZero();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(Comparison.COMPLETED);
    }

    @Test
    void setThatCannotBeReadFailsTheJobNamingTheFile() throws Exception {
        Path good = DrawingFixtures.pdfSet("A-101").writeTo(dir.resolve("rev-a.pdf"));
        Path text = DrawingFixtures.textFile(dir.resolve("notes.pdf"));
        JobRequest request = request(good, text, dir.resolve("out"));

        JobExecution execution = launcher.run(request);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ComparisonJobListener.reason(execution)).startsWith("notes.pdf: ");
        assertThat(dir.resolve("out/result.json")).doesNotExist();
    }

    @Test
    void completedComparisonIsNotRunAgainAndOneStartedWithOtherFilesIsRefused() throws Exception {
        Path a = DrawingFixtures.pdfSet("A-101").writeTo(dir.resolve("a.pdf"));
        Path b = DrawingFixtures.pdfSet("A-101").revised("A-101").writeTo(dir.resolve("b.pdf"));
        JobRequest request = request(a, b, dir.resolve("out"));
        assertThat(launcher.run(request).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThatExceptionOfType(ComparisonException.class).isThrownBy(() -> launcher.run(request))
                .withMessageContaining("is already complete");
        JobRequest other = new JobRequest(request.comparisonId(), request.newUri(), request.oldUri(),
                request.outUri(), request.options());
        assertThatExceptionOfType(ComparisonException.class).isThrownBy(() -> launcher.run(other))
                .withMessageContaining("was started with");
    }

    private static JobRequest request(Path oldFile, Path newFile, Path out) {
        return new JobRequest(UUID.randomUUID(), oldFile.toUri().toString(), newFile.toUri().toString(),
                out.toUri().toString(), CompareOptions.defaults().withFullImages(false));
    }
}
