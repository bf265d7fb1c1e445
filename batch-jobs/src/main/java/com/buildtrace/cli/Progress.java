package com.buildtrace.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress on the terminal: a bar that redraws in place, or one line per sheet when not on a terminal. */
final class Progress {

    enum Mode { BAR, LINES }

    private static final int WIDTH = 30;

    private final PrintWriter err;

    private final Mode mode;

    private final boolean quiet;

    private final long start = System.nanoTime();

    private boolean drawn;

    Progress(PrintWriter err, Mode mode, boolean quiet) {
        this.err = err;
        this.mode = mode;
        this.quiet = quiet;
    }

    /** A line of its own (above the bar). */
    synchronized void say(String line) {
        if (!quiet) {
            finish();
            err.println(line);
            err.flush();
        }
    }

    synchronized void paired(int total, int alreadyDone) {
        say("comparing " + total + (total == 1 ? " sheet" : " sheets")
                + (alreadyDone > 0 ? " (" + alreadyDone + " done in an earlier run)" : ""));
    }

    /**
     * One sheet finished.
     *
     * @param what its label and outcome
     */
    synchronized void sheetDone(String what, int done, int total) {
        if (quiet) {
            return;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (mode == Mode.BAR) {
            int filled = total == 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d %5.1fs  %-40.40s", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), done, total, secs, what));
            drawn = true;
        } else {
            err.println(String.format(Locale.ROOT, "[%d/%d] %5.1fs %s", done, total, secs, what));
        }
        err.flush();
    }

    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
