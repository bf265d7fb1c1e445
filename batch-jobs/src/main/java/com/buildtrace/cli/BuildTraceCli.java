package com.buildtrace.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.buildtrace.compare.raster.OpenCv;
import com.buildtrace.db.DatabaseProperties;
import com.buildtrace.db.DatabaseServer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code buildtrace} command. */
@Command(name = "buildtrace", mixinStandardHelpOptions = true, versionProvider = BuildTraceCli.Version.class,
        description = "Shows exactly what changed between two revisions of a drawing set.",
        subcommands = {CompareCommand.class, ResumeCommand.class, RetryCommand.class, StatusCommand.class,
            HistoryCommand.class, PackageCommand.class, WorkerCommand.class, SamplesCommand.class})
public final class BuildTraceCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** PDFBox reports recoverable oddities of real-world PDFs through java.util.logging; held to keep its level. */
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache");

    public static void main(String[] args) {
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
        warmUp(args);
        System.exit(execute(args));
    }

    /**
     * Starts, on other threads, what the command will need and would otherwise wait for in turn: the
     * embedded database (while the application context starts) and OpenCV's native library.
     */
    static void warmUp(String[] args) {
        List<String> list = Arrays.asList(args);
        if (list.isEmpty() || list.contains("-h") || list.contains("--help") || list.contains("-V")
                || list.contains("--version")) {
            return;
        }
        String command = list.get(0);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
            // until the application configures logging: warnings only, as after
            logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
        if (Set.of("compare", "resume", "retry", "history", "status", "package").contains(command)) {
            try {
                DatabaseServer.startEarly(DatabaseProperties.of(new StandardEnvironment()));
            } catch (RuntimeException e) {
                // settings that do not bind: the command's application context reports them
            }
        }
        if (Set.of("compare", "resume", "retry", "worker").contains(command)) {
            Thread t = new Thread(OpenCv::ensureLoaded, "buildtrace-opencv-load");
            t.setDaemon(true);
            t.start();
        }
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
