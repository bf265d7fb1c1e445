package com.buildtrace.cli;

import com.buildtrace.remote.RemoteCli;
import com.buildtrace.remote.RemoteEnvironment;
import java.util.Arrays;
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

    public static void main(String[] args) {
        if (!isRemote(args)) {
            // the remote commands talk HTTP only: none of the application, database or engine is loaded for them
            WarmUp.start(args);
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        if (isRemote(args)) {
            return new RemoteCli(RemoteEnvironment.system()).run(Arrays.copyOfRange(args, 1, args.length));
        }
        CommandLine cli = new CommandLine(new BuildTraceCli()).setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("buildtrace: " + ex.getMessage());
            return ExitCodes.FAILED;
        });
        // listed in the help; run above, apart from the local commands
        cli.addSubcommand("remote", new RemoteCli(RemoteEnvironment.system()).commandLine());
        return cli.execute(args);
    }

    private static boolean isRemote(String[] args) {
        return args.length > 0 && args[0].equals("remote");
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
