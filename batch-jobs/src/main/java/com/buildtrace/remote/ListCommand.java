package com.buildtrace.remote;

import com.buildtrace.remote.Resources.Comparison;
import com.buildtrace.remote.Resources.Page;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code buildtrace remote list}: the latest comparisons of the caller's projects. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the latest comparisons of your projects (or of one), newest first.")
final class ListCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @ParentCommand
    RemoteCommand remote;

    @Option(names = "--project", paramLabel = "P", description = "Only this project: its id or its name.")
    String project;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only comparisons of this status: queued, running, "
            + "completed, failed, cancelled.")
    String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N (1-100). "
            + "Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--json", description = "Print the API's JSON as it is.")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 100) {
            throw RemoteException.usage("--limit must be between 1 and 100, not " + limit);
        }
        RemoteApi api = remote.api();
        StringBuilder path = new StringBuilder("/comparisons?page=0&size=").append(limit);
        if (project != null) {
            path.append("&projectId=").append(Projects.find(api, project).id());
        }
        if (status != null) {
            path.append("&status=").append(URLEncoder.encode(status.strip().toLowerCase(Locale.ROOT),
                    StandardCharsets.UTF_8));
        }
        PrintWriter out = remote.env().out();
        if (json) {
            out.println(api.getText(path.toString()));
            return RemoteExitCodes.OK;
        }
        Page<Comparison> page = Page.of(api.get(path.toString()), Comparison::of);
        if (page.items().isEmpty()) {
            out.println("No comparisons" + (status == null ? "" : " " + status) + ".");
            return RemoteExitCodes.OK;
        }
        out.println(String.format(Locale.ROOT, "%-36s  %-12s  %-16s  %-7s  %-7s  %-7s  %s", "ID", "STATUS", "CREATED",
                "CHANGED", "ADDED", "REMOVED", "OLD -> NEW"));
        for (Comparison c : page.items()) {
            out.println(String.format(Locale.ROOT, "%-36s  %-12s  %-16s  %7d  %7d  %7d  %s -> %s", c.id(),
                    c.ended() ? c.status() : c.status() + " " + c.progress().percent() + "%",
                    c.createdAt() == null ? "" : WHEN.format(c.createdAt().atZoneSameInstant(ZoneId.systemDefault())),
                    c.count("changed"), c.count("added"), c.count("removed"),
                    c.oldRevision() == null ? "?" : c.oldRevision().label(),
                    c.newRevision() == null ? "?" : c.newRevision().label() + " (" + c.newRevision().setName() + ")"));
        }
        if (page.total() > page.items().size()) {
            out.println("(" + page.items().size() + " of " + page.total() + "; --limit shows more)");
        }
        return RemoteExitCodes.OK;
    }
}
