package com.buildtrace.cli;

import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.share.ComparisonPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code buildtrace package ID FILE.zip}: the download package of a finished comparison. */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = {"Writes the download package of a comparison: a ZIP of result.json, summary.json, the report "
                + "(report.html) with its images, annotated.pdf, changes.csv and sheets.csv."})
final class PackageCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The comparison id.")
    UUID id;

    @Parameters(index = "1", paramLabel = "FILE.zip", description = "The ZIP file to write (replaced).")
    Path zip;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Comparison c;
        try (ConfigurableApplicationContext ctx = BatchContext.open("package", Map.of())) {
            c = ctx.getBean(ComparisonStore.class).find(id).orElse(null);
        }
        if (c == null) {
            err.println("buildtrace: no comparison " + id);
            return ExitCodes.FAILED;
        }
        if (!Comparison.COMPLETED.equals(c.status())) {
            err.println("buildtrace: comparison " + id + " is " + c.status() + ", not completed: no package yet");
            return ExitCodes.FAILED;
        }
        java.util.Optional<Path> folder = com.buildtrace.storage.SetFiles.localPath(c.outUri());
        if (folder.isEmpty()) {
            err.println("buildtrace: comparison " + id + " wrote its results to " + c.outUri()
                    + "; download its package through the API (GET /api/v1/comparisons/" + id + "/package)");
            return ExitCodes.FAILED;
        }
        return write(folder.get(), zip, spec.commandLine().getOut(), err);
    }

    /** Writes the package of the comparison in {@code folder}, and says where; the exit code. */
    static int write(Path folder, Path zip, PrintWriter out, PrintWriter err) {
        try {
            long t0 = System.nanoTime();
            ComparisonPackage.write(folder, zip);
            out.println(String.format(Locale.ROOT, "Package: %s (%.1f MB in %.1f s)", zip.toAbsolutePath(),
                    java.nio.file.Files.size(zip) / 1e6, (System.nanoTime() - t0) / 1e9));
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("buildtrace: the package " + zip + " could not be written: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
    }
}
