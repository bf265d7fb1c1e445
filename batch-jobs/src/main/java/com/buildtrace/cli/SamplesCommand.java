package com.buildtrace.cli;

import com.buildtrace.samples.SampleSetGenerator;
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
        SampleSetGenerator.Example example = new SampleSetGenerator().writeBoth(out);
        System.out.println("wrote " + example.revA() + " and " + example.revB());
        return ExitCodes.OK;
    }
}
