package com.buildtrace.cli;

import com.buildtrace.compare.CompareListener;
import com.buildtrace.compare.PageComparison;
import java.io.PrintWriter;
import java.util.Locale;

/** Progress on the terminal: a bar that redraws in place, or one line per sheet when not on a terminal. */
final class Progress implements CompareListener {

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

    @Override
    public synchronized void paired(int total) {
        if (!quiet) {
            err.println("comparing " + total + (total == 1 ? " sheet" : " sheets"));
            err.flush();
        }
    }

    @Override
    public synchronized void sheetDone(PageComparison page, int done, int total) {
        if (quiet) {
            return;
        }
        String what = page.label() + " " + page.status().json()
                + (page.regions().isEmpty() ? "" : " (" + page.regions().size() + " regions)");
        double secs = (System.nanoTime() - start) / 1e9;
        if (mode == Mode.BAR) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
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
