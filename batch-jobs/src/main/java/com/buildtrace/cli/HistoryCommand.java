package com.buildtrace.cli;

import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonProgress;
import com.buildtrace.comparison.ComparisonStore;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code buildtrace history}: the most recent comparisons. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists the most recent comparisons: id, when, status, sheets done, files.")
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Option(names = "--limit", paramLabel = "N", description = "How many (default: ${DEFAULT-VALUE}).")
    int limit = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext ctx = BatchContext.open("history", Map.of())) {
            ComparisonStore store = ctx.getBean(ComparisonStore.class);
            out.println(String.format(Locale.ROOT, "%-36s  %-16s  %-9s  %7s  %s", "ID", "CREATED", "STATUS",
                    "SHEETS", "OLD -> NEW"));
            for (Comparison c : store.recent(limit)) {
                ComparisonProgress p = store.progress(c.id());
                out.println(String.format(Locale.ROOT, "%-36s  %-16s  %-9s  %7s  %s -> %s", c.id(),
                        WHEN.format(c.createdAt().atZoneSameInstant(java.time.ZoneId.systemDefault())), c.status(),
                        p.done() + "/" + p.total(), name(c.oldUri()), name(c.newUri())));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String name(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash < 0 ? uri : uri.substring(slash + 1);
    }
}
