package com.buildtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.samples.SampleSetGenerator;
import com.buildtrace.testing.ChildJvm;
import com.buildtrace.testing.ResultFiles;
import com.buildtrace.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A comparison whose process is killed (kill -9) part-way resumes where it stopped: the sheet pairs it
 * completed are not compared again, the others are, and the result is that of a run never interrupted.
 */
class RestartIntegrationTests {

    private static final JdbcClient jdbc = TestDatabase.jdbc();

    @TempDir
    Path dir;

    @Test
    void comparisonKilledMidwayResumesWithoutComparingFinishedSheetsAgain() throws Exception {
        // given: the example set (6 sheet tasks), compared one sheet at a time in a JVM of its own
        SampleSetGenerator.Example example = new SampleSetGenerator().writeBoth(dir);
        Path a = example.revA();
        Path b = example.revB();
        Path out = dir.resolve("out");
        UUID id = UUID.randomUUID();
        String[] options = {"--dpi", "300", "--parallel", "1", "--threads", "1", "--no-full-images", "--quiet"};
        Process first = ChildJvm.cli(dir.resolve("first.log"), concat(new String[] {"compare", a.toString(),
                b.toString(), "--out", out.toString(), "--id", id.toString()}, options));

        // when two sheet pairs have completed, the process is killed (SIGKILL: no shutdown hook runs)
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (completedPartitions(id).size() < 2) {
            assertThat(first.isAlive()).as("the first run ended before it could be killed").isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }
        first.destroyForcibly();
        first.waitFor();
        List<Integer> doneBefore = completedPartitions(id);
        Map<Integer, OffsetDateTime> writtenBefore = resultTimes(id);
        assertThat(doneBefore).hasSizeBetween(2, 5);
        assertThat(status(id)).isEqualTo("running");

        // and the comparison is resumed
        int code = BuildTraceCli.execute("resume", id.toString(), "--quiet");

        // then it completes ...
        assertThat(code).isZero();
        assertThat(status(id)).isEqualTo("completed");
        Map<Integer, Integer> attempts = attempts(id);
        assertThat(attempts).hasSize(6);
        // ... the sheets completed before the kill were not compared again (one attempt, row untouched) ...
        for (int task : doneBefore) {
            assertThat(attempts.get(task)).as("attempts of task %d", task).isEqualTo(1);
            assertThat(resultTimes(id).get(task)).isEqualTo(writtenBefore.get(task));
        }
        // ... the resumed run's partitions are exactly the unfinished ones ...
        List<Integer> resumed = jdbc.sql("""
                SELECT CAST(substring(s.step_name FROM 'sheetPair([0-9]+)$') AS int) FROM batch_step_execution s
                WHERE s.job_execution_id = (SELECT max(e.job_execution_id) FROM batch_job_execution e
                    JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                    WHERE p.parameter_name = 'comparisonId' AND p.parameter_value = ?)
                  AND s.step_name LIKE 'compareSheetPairStep:%' ORDER BY 1""").param(id.toString())
                .query(Integer.class).list();
        assertThat(resumed).hasSize(6 - doneBefore.size()).doesNotContainAnyElementsOf(doneBefore);
        // ... and nothing was lost or written twice: the result is that of an uninterrupted run
        Path reference = dir.resolve("reference");
        assertThat(BuildTraceCli.execute(concat(new String[] {"compare", a.toString(), b.toString(), "--out",
                reference.toString()}, options))).isZero();
        assertThat(ResultFiles.comparable(out.resolve("result.json")))
                .isEqualTo(ResultFiles.comparable(reference.resolve("result.json")));
    }

    /** Task indexes of the worker partitions that completed, over all runs of the comparison. */
    private static List<Integer> completedPartitions(UUID id) {
        if (!jdbc.sql("SELECT to_regclass('batch_step_execution') IS NOT NULL").query(Boolean.class).single()) {
            return List.of(); // the first run has not created the schema yet
        }
        return jdbc.sql("""
                SELECT DISTINCT CAST(substring(s.step_name FROM 'sheetPair([0-9]+)$') AS int) FROM batch_step_execution s
                JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
                WHERE p.parameter_name = 'comparisonId' AND p.parameter_value = ?
                  AND s.step_name LIKE 'compareSheetPairStep:%' AND s.status = 'COMPLETED' ORDER BY 1""")
                .param(id.toString()).query(Integer.class).list();
    }

    private static Map<Integer, OffsetDateTime> resultTimes(UUID id) {
        Map<Integer, OffsetDateTime> out = new HashMap<>();
        jdbc.sql("SELECT task_index, updated_at FROM sheet_pair_result WHERE comparison_id = ?").param(id)
                .query(rs -> {
                    out.put(rs.getInt(1), rs.getObject(2, OffsetDateTime.class));
                });
        return out;
    }

    private static Map<Integer, Integer> attempts(UUID id) {
        Map<Integer, Integer> out = new HashMap<>();
        jdbc.sql("SELECT task_index, attempts FROM sheet_pair_result WHERE comparison_id = ?").param(id)
                .query(rs -> {
                    out.put(rs.getInt(1), rs.getInt(2));
                });
        return out;
    }

    private static String status(UUID id) {
        return jdbc.sql("SELECT status FROM comparison WHERE id = ?").param(id).query(String.class).single();
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
