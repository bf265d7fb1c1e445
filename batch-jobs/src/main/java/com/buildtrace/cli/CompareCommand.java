package com.buildtrace.cli;

import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.SetComparator;
import com.buildtrace.compare.SetComparison;
import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.report.HtmlReportWriter;
import com.buildtrace.report.ResultJsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code buildtrace compare OLD NEW --out DIR}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two revisions of a drawing set (PDF, or PNG/JPEG/TIFF scans) and writes "
                + "result.json, overlay images and index.html to the output folder.",
            "Exit code: 0 done, 1 failed, 2 bad command line, 3 done but some sheets failed."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "The old revision (PDF or image).")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new revision (PDF or image).")
    Path newFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--dpi", paramLabel = "N", description = "Rendering resolution (default: ${DEFAULT-VALUE}).")
    double dpi = CompareOptions.DEFAULT_DPI;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--band-mp", paramLabel = "N",
            description = "Largest band rendered at once, in megapixels; bounds memory (default: ${DEFAULT-VALUE}).")
    int bandMegapixels = CompareOptions.defaults().bandMegapixels();

    @Option(names = "--no-full-images", negatable = false,
            description = "Write only previews and thumbnails, not the full-resolution overlay and sheets.")
    boolean noFullImages;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--timings", description = "Print the time spent per stage (also in result.json).")
    boolean timings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CompareOptions options;
        try {
            options = CompareOptions.defaults().withDpi(dpi).withBandMegapixels(bandMegapixels)
                    .withFullImages(!noFullImages);
            if (threads != null) {
                options = options.withThreads(threads);
            }
        } catch (IllegalArgumentException e) {
            err.println("buildtrace: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Progress progress = new Progress(err, quiet || System.console() == null ? Progress.Mode.LINES : Progress.Mode.BAR,
                quiet);
        try {
            SetComparison result = new SetComparator().compare(oldFile, newFile, out, options, progress);
            new ResultJsonWriter().write(result, out.resolve("result.json"), BuildTraceCli.version());
            new HtmlReportWriter().write(result, out.resolve("index.html"));
            progress.finish();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(String.format(Locale.ROOT,
                    "%d sheets: %d changed, %d unchanged, %d added, %d removed%s in %.1f s. Report: %s",
                    result.pages().size(), result.count(PageStatus.CHANGED), result.count(PageStatus.UNCHANGED),
                    result.count(PageStatus.ADDED), result.count(PageStatus.REMOVED),
                    result.count(PageStatus.FAILED) > 0 ? ", " + result.count(PageStatus.FAILED) + " FAILED" : "",
                    result.millis() / 1000.0, out.resolve("index.html")));
            stdout.flush();
            if (timings) {
                err.println("set: " + result.stageMillis());
                result.pages().forEach(p -> err.println(p.label() + ": " + p.stageMillis()));
                err.flush();
            }
            if (result.count(PageStatus.FAILED) > 0) {
                result.pages().stream().filter(p -> p.error() != null)
                        .forEach(p -> err.println("buildtrace: " + p.label() + ": " + p.error()));
                return ExitCodes.SOME_SHEETS_FAILED;
            }
            return ExitCodes.OK;
        } catch (DrawingInputException e) {
            progress.finish();
            err.println("buildtrace: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            progress.finish();
            err.println("buildtrace: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
