package com.buildtrace.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code buildtrace resume ID}: finishes a comparison that failed or whose process was killed. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Resumes a comparison that failed or was interrupted, with the files it was started with. "
                + "Sheets it already compared are not compared again.",
            "Exit code: 0 done, 1 failed, 2 bad command line, 3 done but some sheets failed."})
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The comparison id.")
    UUID id;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        return run.run(null, id, "resume", null, null, launcher -> launcher.resume(id));
    }
}
