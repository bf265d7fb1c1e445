package com.buildtrace.cli;

import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.source.DrawingInputException;
import com.buildtrace.job.JobRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code buildtrace compare OLD NEW --out DIR}: runs compareDrawingsJob on two sets. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two revisions of a drawing set (PDF, or PNG/JPEG/TIFF scans) and writes "
                + "result.json, overlay images and index.html to the output folder.",
            "Runs the batch job compareDrawingsJob; its history is kept in the database (embedded unless "
                + "BUILDTRACE_DB_URL is set). A comparison that was interrupted is resumed with 'buildtrace resume ID'.",
            "Exit code: 0 done, 1 failed, 2 bad command line, 3 done but some sheets failed."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD",
            description = "The old revision (PDF or image, or a folder of them read in name order as one set).")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new revision (likewise).")
    Path newFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--dpi", paramLabel = "N", description = "Rendering resolution (default: ${DEFAULT-VALUE}).")
    double dpi = CompareOptions.DEFAULT_DPI;

    @Option(names = "--band-mp", paramLabel = "N",
            description = "Largest band rendered at once, in megapixels; bounds memory (default: ${DEFAULT-VALUE}).")
    int bandMegapixels = CompareOptions.defaults().bandMegapixels();

    @Option(names = "--no-full-images", negatable = false,
            description = "Write only previews and thumbnails, not the full-resolution overlay and sheets.")
    boolean noFullImages;

    @Option(names = "--tiles", negatable = false,
            description = "Also cut the full-resolution images into tile pyramids (*.tiles), as the web viewer's "
                    + "deep zoom reads them; the report does not need them.")
    boolean tiles;

    @Option(names = "--id", paramLabel = "UUID",
            description = "Comparison id (default: a new one). An id already used resumes that comparison.")
    UUID id;

    @Option(names = "--package", paramLabel = "FILE.zip",
            description = "Also write the download package (result, report with images, annotated PDF, CSVs) as a ZIP.")
    Path packageFile;

    @Mixin
    RunOptions run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CompareOptions options;
        try {
            options = CompareOptions.defaults().withDpi(dpi).withBandMegapixels(bandMegapixels)
                    .withFullImages(!noFullImages).withTilePyramids(tiles);
        } catch (IllegalArgumentException e) {
            err.println("buildtrace: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        for (Path f : new Path[] {oldFile, newFile}) {
            // a mistyped name is reported before any comparison is recorded
            if (!Files.exists(f)) {
                err.println("buildtrace: " + new DrawingInputException(f, "file not found").getMessage());
                return ExitCodes.FAILED;
            }
        }
        UUID comparison = id != null ? id : UUID.randomUUID();
        JobRequest request = new JobRequest(comparison, uri(oldFile), uri(newFile), uri(out), options);
        int code = run.run(null, comparison, "compare", out.toAbsolutePath(), null, launcher -> launcher.run(request));
        if (packageFile != null && (code == ExitCodes.OK || code == ExitCodes.SOME_SHEETS_FAILED)) {
            int written = PackageCommand.write(out, packageFile, spec.commandLine().getOut(), err);
            return written == ExitCodes.OK ? code : written;
        }
        return code;
    }

    private static String uri(Path p) {
        return p.toAbsolutePath().normalize().toUri().toString();
    }
}
