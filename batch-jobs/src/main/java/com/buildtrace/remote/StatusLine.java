package com.buildtrace.remote;

import java.io.PrintWriter;

/**
 * A line on stderr that redraws in place on a terminal (progress of an upload, a download, a comparison), with
 * lines of their own printed above it. Not on a terminal, the live line is left out and only the other lines
 * are printed, so logs stay readable.
 */
final class StatusLine {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;

    private final boolean terminal;

    private int shown;

    private long drawnAt;

    StatusLine(RemoteEnvironment env) {
        this.err = env.err();
        this.terminal = env.terminal();
    }

    /** Shows this as the live line (at most ten redraws a second; {@code force} redraws now). */
    synchronized void show(String line, boolean force) {
        long now = System.nanoTime();
        if (!terminal || !force && shown > 0 && now - drawnAt < REDRAW_NANOS) {
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
        drawnAt = now;
    }

    /** A line of its own, above the live line (which the next {@link #show} draws again). */
    synchronized void say(String line) {
        clear();
        err.println(line);
        err.flush();
    }

    /** Takes the live line away. */
    synchronized void clear() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }
}
