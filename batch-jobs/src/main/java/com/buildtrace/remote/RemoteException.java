package com.buildtrace.remote;

import com.buildtrace.remote.Json.Node;

/**
 * A remote command that cannot go on: its message is the one line the user reads, its exit code one of
 * {@link RemoteExitCodes}; an answer of the API also carries its HTTP status and problem detail.
 */
final class RemoteException extends RuntimeException {

    private final int exitCode;

    private final int status;

    private final transient Node problem;

    RemoteException(int exitCode, String message) {
        this(exitCode, message, 0, null, null);
    }

    RemoteException(int exitCode, String message, int status, Node problem, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.status = status;
        this.problem = problem;
    }

    /** The command's exit code. */
    int exitCode() {
        return exitCode;
    }

    /** The HTTP status of the API's answer, or 0 when there was none. */
    int status() {
        return status;
    }

    /** A member of the answer's problem detail ({@code revisionId}, ...), or null. */
    String problemMember(String name) {
        return problem == null ? null : problem.get(name).text();
    }

    static RemoteException notSignedIn() {
        return new RemoteException(RemoteExitCodes.NOT_SIGNED_IN, "not signed in: run 'buildtrace remote login --url "
                + "https://...' (the API key is read from stdin), or set BUILDTRACE_URL and BUILDTRACE_API_KEY");
    }

    static RemoteException usage(String message) {
        return new RemoteException(RemoteExitCodes.USAGE, message);
    }
}
