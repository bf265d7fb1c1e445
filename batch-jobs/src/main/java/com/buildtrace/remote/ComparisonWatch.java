package com.buildtrace.remote;

import com.buildtrace.remote.Resources.Comparison;
import com.buildtrace.remote.Resources.SheetStatus;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Follows a comparison until it ends: a live line on stderr (status, a bar, sheets done of total, time), a line per
 * sheet as it finishes (with the reason of a failed one), then the comparison as {@code status} prints it, on
 * stdout. Polls every {@code interval}, slower when the API's rate limit asks for it ({@link RateLimit#pace}).
 */
final class ComparisonWatch {

    private static final int BAR = 24;

    private final RemoteApi api;

    private final RemoteEnvironment env;

    private final Duration interval;

    private final StatusLine line;

    ComparisonWatch(RemoteApi api, RemoteEnvironment env, Duration interval) {
        this.api = api;
        this.env = env;
        this.interval = interval;
        this.line = new StatusLine(env);
    }

    /** Follows the comparison to its end; the exit code (0 completed, 3 some sheets failed, 1 failed or cancelled). */
    int follow(UUID id) {
        String path = "/comparisons/" + id;
        Comparison c = Comparison.of(api.get(path));
        if (!c.ended()) {
            c = untilEnded(path, c);
        }
        line.clear();
        ComparisonReport.print(env.out(), c, api.webLink(id));
        return exitCode(c);
    }

    private Comparison untilEnded(String path, Comparison first) {
        Set<Integer> reported = new HashSet<>();
        long start = System.nanoTime();
        String status = null;
        Comparison c = first;
        while (true) {
            if (!c.status().equals(status)) {
                status = c.status();
                line.say("comparison " + c.id() + ": " + status);
            }
            for (SheetStatus s : c.sheets()) {
                if (s.finished() && reported.add(s.index())) {
                    line.say(String.format(Locale.ROOT, "  [%d/%d] %s", reported.size(), c.progress().sheetsTotal(),
                            ComparisonReport.sheet(s)));
                }
            }
            if (c.ended()) {
                return c;
            }
            line.show(live(c, (System.nanoTime() - start) / 1e9), true);
            sleep(api.rateLimit().map(l -> l.pace(interval)).orElse(interval));
            c = Comparison.of(api.get(path));
        }
    }

    /** "running [##########..............] 3/7 sheets  0:42". */
    private static String live(Comparison c, double localSeconds) {
        int done = c.progress().sheetsDone();
        int total = c.progress().sheetsTotal();
        int filled = total == 0 ? 0 : Math.min(BAR, done * BAR / total);
        double seconds = c.durationSeconds() != null ? c.durationSeconds() : localSeconds;
        // every sheet compared: the summary and the report are being written
        String status = total > 0 && done == total ? "finishing" : c.status();
        return String.format(Locale.ROOT, "%s [%s%s] %d/%s sheets  %s", status, "#".repeat(filled),
                ".".repeat(BAR - filled), done, total == 0 ? "?" : Integer.toString(total),
                ComparisonReport.duration(seconds));
    }

    private int exitCode(Comparison c) {
        if (Comparison.COMPLETED.equals(c.status())) {
            int failed = c.failedSheets().size();
            if (failed == 0) {
                return RemoteExitCodes.OK;
            }
            env.err().println("buildtrace: " + ComparisonReport.plural(failed, "sheet") + " failed (reasons above); "
                    + "once the cause is fixed, POST /api/v1/comparisons/" + c.id() + "/restart compares them again");
            return RemoteExitCodes.SOME_SHEETS_FAILED;
        }
        env.err().println("buildtrace: comparison " + c.id() + " " + ("cancelled".equals(c.status()) ? "was cancelled"
                : "failed" + (c.error() == null ? "" : ": " + c.error())));
        return RemoteExitCodes.FAILED;
    }

    private void sleep(Duration d) {
        try {
            env.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteExitCodes.FAILED, "interrupted; the comparison goes on on the server");
        }
    }
}
