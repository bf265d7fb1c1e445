package com.buildtrace.remote;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code buildtrace remote status ID}: a comparison as it is now. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows a comparison once: its status, sheets done of total, the sheets changed, added, removed "
                + "and failed (with the reason), and its page in the web UI.")
final class RemoteStatusCommand implements Callable<Integer> {

    @ParentCommand
    RemoteCommand remote;

    @Parameters(index = "0", paramLabel = "ID", description = "The comparison id.")
    UUID id;

    @Option(names = "--json", description = "Print the API's JSON as it is.")
    boolean json;

    @Override
    public Integer call() {
        RemoteApi api = remote.api();
        String path = "/comparisons/" + id;
        if (json) {
            remote.env().out().println(api.getText(path));
        } else {
            ComparisonReport.print(remote.env().out(), Resources.Comparison.of(api.get(path)), api.webLink(id));
        }
        return RemoteExitCodes.OK;
    }
}
