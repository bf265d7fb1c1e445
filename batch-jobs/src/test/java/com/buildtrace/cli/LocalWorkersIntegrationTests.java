package com.buildtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildtrace.samples.SampleSetGenerator;
import com.buildtrace.testing.ResultFiles;
import com.buildtrace.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The distributed path on one machine: sheet partitions run by worker processes through the shared database. */
class LocalWorkersIntegrationTests {

    private static final JdbcClient jdbc = TestDatabase.jdbc();

    @TempDir
    Path dir;

    @Test
    void sixSheetsInTwoWorkerProcessesGiveTheResultOfTheInProcessRun() throws Exception {
        // given
        SampleSetGenerator.Example example = new SampleSetGenerator().writeBoth(dir);
        Path a = example.revA();
        Path b = example.revB();
        UUID id = UUID.randomUUID();

        // when
        int distributed = BuildTraceCli.execute("compare", a.toString(), b.toString(), "--out",
                dir.resolve("workers").toString(), "--id", id.toString(), "--worker-processes", "2", "--quiet");
        int inProcess = BuildTraceCli.execute("compare", a.toString(), b.toString(), "--out",
                dir.resolve("in-process").toString(), "--quiet");

        // then
        assertThat(distributed).isZero();
        assertThat(inProcess).isZero();
        assertThat(ResultFiles.comparable(dir.resolve("workers/result.json")))
                .isEqualTo(ResultFiles.comparable(dir.resolve("in-process/result.json")));
        // both workers took part, each partition ran in exactly one of them
        List<String> claims = jdbc.sql("""
                SELECT c.worker FROM partition_claim c JOIN batch_job_execution_params p
                    ON p.job_execution_id = c.job_execution_id
                WHERE p.parameter_name = 'comparisonId' AND p.parameter_value = ?""").param(id.toString())
                .query(String.class).list();
        Map<String, Long> byWorker = claims.stream().collect(Collectors.groupingBy(w -> w, Collectors.counting()));
        assertThat(claims).hasSize(6);
        assertThat(byWorker).containsOnlyKeys("local-0", "local-1");
        assertThat(dir.resolve("workers/logs/worker-0.log")).isRegularFile();
        assertThat(dir.resolve("workers/logs/worker-1.log")).isRegularFile();
    }
}
