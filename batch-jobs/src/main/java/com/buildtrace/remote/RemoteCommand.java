package com.buildtrace.remote;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code buildtrace remote}: the parent of the remote commands, holding their environment. */
@Command(name = "remote", mixinStandardHelpOptions = true,
        description = {"Works with a deployed BuildTrace API (an API key; no local database): submit two revisions, "
                + "watch the comparison, download its package."},
        subcommands = {LoginCommand.class, LogoutCommand.class, SubmitCommand.class, RemoteStatusCommand.class,
            WatchCommand.class, DownloadCommand.class, ListCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done; a watched comparison completed",
            " 1:the comparison failed or was cancelled, or the API refused the request",
            " 2:bad command line",
            " 3:the comparison completed, but some sheets failed",
            " 4:not signed in, or the API key was rejected",
            " 5:the API cannot be reached, is not a BuildTrace API, or failed"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  BUILDTRACE_URL, BUILDTRACE_API_KEY",
            "      used instead of what 'login' stored in ~/.buildtrace/remote.json"})
final class RemoteCommand implements Runnable {

    private final RemoteEnvironment env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RemoteCommand(RemoteEnvironment env) {
        this.env = env;
    }

    RemoteEnvironment env() {
        return env;
    }

    /** A client of the API the caller signed in to. */
    RemoteApi api() {
        Credentials c = Credentials.resolve(env);
        warnIfUnencrypted(env, c);
        return new RemoteApi(c, env);
    }

    /** Says so when the key would travel unencrypted to another machine. */
    static void warnIfUnencrypted(RemoteEnvironment env, Credentials c) {
        if ("http".equals(c.url().getScheme()) && !Credentials.loopback(c.url())) {
            env.err().println("buildtrace: warning: " + c.url() + " is plain http: the API key is sent unencrypted; "
                    + "use https");
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
