package com.buildtrace.cli;

import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonProgress;
import com.buildtrace.comparison.ComparisonStore;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code buildtrace status ID}: one comparison, sheet by sheet. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows a comparison: its status, sheets done of total, and every finished sheet.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The comparison id.")
    UUID id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext ctx = BatchContext.open("status", Map.of())) {
            ComparisonStore store = ctx.getBean(ComparisonStore.class);
            Comparison c = store.find(id).orElse(null);
            if (c == null) {
                spec.commandLine().getErr().println("buildtrace: no comparison " + id);
                return ExitCodes.FAILED;
            }
            ComparisonProgress p = store.progress(id);
            out.println("comparison " + c.id() + ": " + c.status() + ", " + p.done() + "/" + p.total() + " sheets done");
            out.println("old: " + c.oldUri());
            out.println("new: " + c.newUri());
            out.println("out: " + c.outUri());
            if (c.error() != null) {
                out.println("error: " + c.error());
            }
            for (ComparisonProgress.Sheet s : p.sheets()) {
                out.println(String.format(Locale.ROOT, "  %-20s %-9s %4d regions %4d text changes%s%s", s.label(),
                        s.status(), s.regions(), s.textChanges(),
                        s.attempts() > 1 ? "  (computed " + s.attempts() + " times)" : "",
                        s.error() == null ? "" : "  " + s.error()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
