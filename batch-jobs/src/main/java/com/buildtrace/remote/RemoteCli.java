package com.buildtrace.remote;

import picocli.CommandLine;

/**
 * {@code buildtrace remote}: runs a remote command in an environment ({@link RemoteEnvironment#system()} from the
 * command line, another one in tests) and returns its exit code ({@link RemoteExitCodes}).
 */
public final class RemoteCli {

    private final RemoteEnvironment env;

    public RemoteCli(RemoteEnvironment env) {
        this.env = env;
    }

    /** The {@code remote} command and its subcommands, writing to the environment's streams. */
    public CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RemoteCommand(env));
        cl.getCommandSpec().version("buildtrace " + RemoteApi.version());
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            int code = e instanceof RemoteException r ? r.exitCode() : RemoteExitCodes.FAILED;
            cmd.getErr().println("buildtrace: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            cmd.getErr().flush();
            return code;
        });
        return cl;
    }

    /** Runs {@code buildtrace remote ARGS...}. */
    public int run(String... args) {
        CommandLine cl = commandLine();
        cl.setCommandName("buildtrace remote");
        int code = cl.execute(args);
        env.out().flush();
        env.err().flush();
        return code;
    }
}
