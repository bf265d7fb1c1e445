package com.buildtrace.cli;

import com.buildtrace.samples.SampleSetGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code buildtrace samples --out DIR}: writes the example set's two revisions. */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Writes the example drawing set (clinic-rev-A.pdf, clinic-rev-B.pdf) to a folder.")
final class SamplesCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to (created).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        SampleSetGenerator generator = new SampleSetGenerator();
        generator.write(SampleSetGenerator.Revision.A, out.resolve("clinic-rev-A.pdf"));
        generator.write(SampleSetGenerator.Revision.B, out.resolve("clinic-rev-B.pdf"));
        System.out.println("wrote " + out.resolve("clinic-rev-A.pdf") + " and " + out.resolve("clinic-rev-B.pdf"));
        return ExitCodes.OK;
    }
}
