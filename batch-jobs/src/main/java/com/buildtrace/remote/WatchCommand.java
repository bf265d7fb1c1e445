package com.buildtrace.remote;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code buildtrace remote watch ID}: follows a comparison to its end. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follows a comparison until it ends: a progress line (on a terminal), a line per sheet as it "
                + "finishes, then the comparison as 'status' shows it.",
            "Exits 0 when it completed, 3 when it completed with failed sheets, 1 when it failed or was cancelled. "
                + "Stopping the watch (Ctrl-C) does not stop the comparison."})
final class WatchCommand implements Callable<Integer> {

    /** The shortest time between two polls. */
    static final int MIN_INTERVAL = 1;

    @ParentCommand
    RemoteCommand remote;

    @Parameters(index = "0", paramLabel = "ID", description = "The comparison id.")
    UUID id;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between two polls (at least 1; longer when the API's rate limit asks). "
                    + "Default: ${DEFAULT-VALUE}.")
    int interval;

    @Override
    public Integer call() {
        return watch(remote, id, interval);
    }

    /** Follows comparison {@code id}, polling every {@code seconds}; the exit code. */
    static int watch(RemoteCommand remote, UUID id, int seconds) {
        if (seconds < MIN_INTERVAL) {
            throw RemoteException.usage("--interval must be at least " + MIN_INTERVAL + " s, not " + seconds);
        }
        return new ComparisonWatch(remote.api(), remote.env(), Duration.ofSeconds(seconds)).follow(id);
    }
}
