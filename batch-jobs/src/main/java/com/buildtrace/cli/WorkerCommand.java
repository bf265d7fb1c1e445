package com.buildtrace.cli;

import com.buildtrace.db.DatabaseProperties;
import com.buildtrace.job.JobKeys;
import com.buildtrace.partition.PartitionClaims;
import com.buildtrace.partition.WorkerRunner;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code buildtrace worker}: runs sheet partitions of a comparison that a manager process created, from the
 * shared database (BUILDTRACE_DB_URL, or a Cloud SQL instance: BUILDTRACE_DB_CLOUDSQL_*). Started by the manager as a local process, a Kubernetes pod or a
 * Cloud Run task.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs partitions (sheet pairs) of a comparison started elsewhere; needs BUILDTRACE_DB_URL (or"
                + " BUILDTRACE_DB_CLOUDSQL_INSTANCE).",
            "Exit code: 0 every partition it ran completed, 1 otherwise."})
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--job-execution-id", paramLabel = "N", defaultValue = "${env:BUILDTRACE_JOB_EXECUTION_ID}",
            description = "The job execution (default: $BUILDTRACE_JOB_EXECUTION_ID).")
    Long jobExecutionId;

    @Option(names = "--step-execution-ids", paramLabel = "N,N,...", split = ",",
            defaultValue = "${env:BUILDTRACE_STEP_EXECUTION_IDS}",
            description = "The partitions to run, as worker step execution ids (default: $BUILDTRACE_STEP_EXECUTION_IDS).")
    List<Long> stepExecutionIds;

    @Option(names = "--name", paramLabel = "NAME",
            description = "This worker's name in the claims (default: from the pod or task index, else host and pid).")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (jobExecutionId == null || stepExecutionIds == null || stepExecutionIds.isEmpty()) {
            err.println("buildtrace: worker needs --job-execution-id and --step-execution-ids "
                    + "(or BUILDTRACE_JOB_EXECUTION_ID and BUILDTRACE_STEP_EXECUTION_IDS)");
            return ExitCodes.USAGE;
        }
        try {
            if (DatabaseProperties.of(new StandardEnvironment()).embedded()) {
                err.println("buildtrace: worker needs the manager's database: set BUILDTRACE_DB_URL (or"
                        + " BUILDTRACE_DB_CLOUDSQL_INSTANCE for Cloud SQL)");
                return ExitCodes.USAGE;
            }
        } catch (RuntimeException e) {
            err.println("buildtrace: worker: the database settings are not valid: " + JobRun.rootMessage(e));
            return ExitCodes.USAGE;
        }
        String worker = name != null ? name : defaultName();
        // one partition at a time here; its log (this process's output) says what it ran and how long it took
        Map<String, Object> settings = Map.of("buildtrace.workers.count", 1,
                "buildtrace.log.console-level", "INFO", "logging.level.com.buildtrace", "INFO",
                "logging.level.org.springframework.batch", "INFO");
        try (ConfigurableApplicationContext ctx = BatchContext.open("worker", settings)) {
            WorkerRunner runner = new WorkerRunner(ctx.getBean(JobRepository.class),
                    ctx.getBean(JobKeys.WORKER_STEP, Step.class), ctx.getBean(PartitionClaims.class));
            WorkerRunner.Outcome outcome = runner.run(jobExecutionId, stepExecutionIds, worker);
            err.println("worker " + worker + ": ran " + outcome.ran() + " partitions, " + outcome.failed() + " failed"
                    + peakRss());
            err.flush();
            return outcome.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** ", peak RSS N MB" from /proc (Linux), else nothing: what a worker needs of its pod's memory. */
    static String peakRss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return ", peak RSS " + (kb / 1024) + " MB";
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return "";
    }

    /** pod-N on Kubernetes, task-N on Cloud Run, else host-pid. */
    static String defaultName() {
        String k8s = System.getenv("JOB_COMPLETION_INDEX");
        if (k8s != null) {
            return "pod-" + k8s;
        }
        String run = System.getenv("CLOUD_RUN_TASK_INDEX");
        if (run != null) {
            return "task-" + run;
        }
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host + "-" + ProcessHandle.current().pid();
    }
}
