package com.buildtrace.remote;

/** Exit codes of {@code buildtrace remote} (the first four mean what they mean for the local commands). */
public final class RemoteExitCodes {

    /** Done; a watched comparison completed with every sheet compared. */
    public static final int OK = 0;

    /** The comparison failed or was cancelled, or the API refused the request (its reason is on stderr). */
    public static final int FAILED = 1;

    /** The command line was wrong. */
    public static final int USAGE = 2;

    /** The comparison completed, but some sheets failed (each one's reason is on stderr). */
    public static final int SOME_SHEETS_FAILED = 3;

    /** Not signed in, or the API key was rejected. */
    public static final int NOT_SIGNED_IN = 4;

    /** The API could not be reached, is not a BuildTrace API, or answered with a server error. */
    public static final int UNREACHABLE = 5;

    private RemoteExitCodes() {
    }
}
