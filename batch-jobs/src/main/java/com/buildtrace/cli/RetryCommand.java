package com.buildtrace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code buildtrace retry ID --failed | --sheet S}: compares chosen sheets of a comparison again. */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Compares some sheets of a finished comparison again (typically sheets that failed, after "
                + "their file was fixed in place), then rewrites its result.json and report.",
            "Exit code: 0 done, 1 failed, 2 bad command line, 3 done but some sheets failed."})
final class RetryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The comparison id.")
    UUID id;

    @Option(names = "--sheet", paramLabel = "SHEET",
            description = "A sheet to compare again, by number (A-101) or as 'page N'; repeatable.")
    List<String> sheets = new ArrayList<>();

    @Option(names = "--failed", description = "Compare every sheet that failed again.")
    boolean failed;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        AtomicReference<Integer> count = new AtomicReference<>();
        Runnable named = () -> {
            if (sheets.isEmpty() && !failed) {
                throw new IllegalArgumentException("name the sheets to retry (--sheet) or use --failed");
            }
        };
        return run.run(named, id, "retry", null, count::get, launcher -> {
            List<Integer> tasks = launcher.tasksOf(id, sheets, failed);
            if (tasks.isEmpty()) {
                throw new com.buildtrace.job.ComparisonException("comparison " + id + " has no failed sheets");
            }
            count.set(tasks.size());
            return launcher.retry(id, tasks);
        });
    }
}
