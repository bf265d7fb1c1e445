package com.buildtrace.cli;

/** Exit codes of the command line. */
final class ExitCodes {

    /** Every sheet was compared. */
    static final int OK = 0;

    /** The comparison could not run (unreadable file, no space, ...). */
    static final int FAILED = 1;

    /** The command line was wrong. */
    static final int USAGE = 2;

    /** The comparison ran, but some sheet pairs failed (their reasons are in result.json). */
    static final int SOME_SHEETS_FAILED = 3;

    private ExitCodes() {
    }
}
