package com.buildtrace.remote;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the remote commands read and write besides the API: environment variables ({@code BUILDTRACE_URL},
 * {@code BUILDTRACE_API_KEY}), the file that keeps the sign-in, stdin (an API key piped in), stdout and stderr,
 * whether stderr is a terminal (a progress line that redraws in place), and how to wait.
 *
 * @param variables environment variables
 * @param credentialsFile where {@code remote login} keeps the URL and key ({@code ~/.buildtrace/remote.json})
 * @param stdin standard input
 * @param out standard output: results
 * @param err standard error: progress and errors
 * @param terminal stderr is a terminal
 * @param sleeper waits between polls and before retries
 */
public record RemoteEnvironment(Map<String, String> variables, Path credentialsFile, InputStream stdin,
                                PrintWriter out, PrintWriter err, boolean terminal, Sleeper sleeper) {

    public RemoteEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Waits; a test's sleeper records the waits instead. */
    @FunctionalInterface
    public interface Sleeper {

        void sleep(Duration duration) throws InterruptedException;
    }

    /** This process's environment, {@code ~/.buildtrace/remote.json}, and the standard streams. */
    public static RemoteEnvironment system() {
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        return new RemoteEnvironment(System.getenv(),
                Path.of(System.getProperty("user.home"), ".buildtrace", "remote.json"), System.in,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true), System.console() != null,
                d -> Thread.sleep(d.toMillis()));
    }

    /** An environment variable, or null when it is unset or blank. */
    String variable(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
