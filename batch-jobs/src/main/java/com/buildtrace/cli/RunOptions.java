package com.buildtrace.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of the commands that run a comparison job: where partitions run, output. */
final class RunOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "Engine threads of this process (default: one per core; never fewer than --parallel).")
    Integer threads;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Sheets compared at once in this process (default: one per core).")
    Integer parallel;

    @Option(names = "--worker-processes", paramLabel = "N",
            description = "Compare sheets in N worker processes on this machine instead of in this process.")
    Integer workerProcesses;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--timings", description = "Print the time spent per stage (also in result.json).")
    boolean timings;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /**
     * Runs a comparison job with these options, after checking them (exit code 2 when they are wrong).
     *
     * @param extra a check of the command's own options, throwing IllegalArgumentException; or null
     * @param out the comparison's output folder, or null for the one recorded
     * @param sheets how many sheets a retry compares (see {@link JobRun#run})
     */
    int run(Runnable extra, java.util.UUID id, String task, java.nio.file.Path out,
            java.util.function.Supplier<Integer> sheets, JobRun.Action action) {
        try {
            check();
            if (extra != null) {
                extra.run();
            }
        } catch (IllegalArgumentException e) {
            command.commandLine().getErr().println("buildtrace: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return new JobRun(command.commandLine().getOut(), command.commandLine().getErr(), quiet, timings)
                .run(id, task, properties(), out, sheets, action);
    }

    private void check() {
        positive("--threads", threads);
        positive("--parallel", parallel);
        positive("--worker-processes", workerProcesses);
        if (parallel != null && workerProcesses != null) {
            throw new IllegalArgumentException("--parallel and --worker-processes exclude each other");
        }
    }

    private static void positive(String name, Integer v) {
        if (v != null && v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }

    /** Settings of the batch application these options make. */
    Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (threads != null) {
            p.put("buildtrace.job.threads", threads);
        }
        if (parallel != null) {
            p.put("buildtrace.workers.mode", "IN_PROCESS");
            p.put("buildtrace.workers.count", parallel);
        }
        if (workerProcesses != null) {
            p.put("buildtrace.workers.mode", "LOCAL_PROCESS");
            p.put("buildtrace.workers.count", workerProcesses);
        }
        return p;
    }
}
