package com.buildtrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code buildtrace} command. */
@Command(name = "buildtrace", mixinStandardHelpOptions = true, versionProvider = BuildTraceCli.Version.class,
        description = "Shows exactly what changed between two revisions of a drawing set.",
        subcommands = {CompareCommand.class, SamplesCommand.class})
public final class BuildTraceCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** PDFBox reports recoverable oddities of real-world PDFs through java.util.logging; held to keep its level. */
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache");

    public static void main(String[] args) {
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new BuildTraceCli()).setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("buildtrace: " + ex.getMessage());
            return ExitCodes.FAILED;
        }).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"buildtrace " + version()};
        }
    }

    static String version() {
        String v = BuildTraceCli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
