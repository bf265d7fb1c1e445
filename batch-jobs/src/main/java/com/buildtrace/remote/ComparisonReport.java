package com.buildtrace.remote;

import com.buildtrace.remote.Resources.Comparison;
import com.buildtrace.remote.Resources.RevisionRef;
import com.buildtrace.remote.Resources.SheetStatus;
import java.io.PrintWriter;
import java.util.Locale;

/** A comparison in words, as {@code remote status} and the end of {@code remote watch} print it. */
final class ComparisonReport {

    private ComparisonReport() {
    }

    static void print(PrintWriter out, Comparison c, String webLink) {
        out.println("Comparison " + c.id() + ": " + c.status()
                + (c.durationSeconds() == null ? "" : String.format(Locale.ROOT, " (%s)", duration(c.durationSeconds()))));
        out.println("  old     " + revision(c.oldRevision()));
        out.println("  new     " + revision(c.newRevision()));
        out.println("  sheets  " + sheets(c));
        for (SheetStatus s : c.sheets()) {
            if (s.finished() && !"unchanged".equals(s.status())) {
                out.println("    " + sheet(s));
            }
        }
        if (c.error() != null) {
            out.println("  error   " + c.error());
        }
        out.println("  web     " + webLink);
        out.flush();
    }

    /** "4 of 6 done: 2 changed, 1 added, 0 removed, 1 unchanged, 0 failed". */
    static String sheets(Comparison c) {
        return c.progress().sheetsDone() + " of " + c.progress().sheetsTotal() + " done: " + c.count("changed")
                + " changed, " + c.count("added") + " added, " + c.count("removed") + " removed, "
                + c.count("unchanged") + " unchanged, " + c.count("failed") + " failed";
    }

    /** One sheet: "A-101      changed    4 regions, 2 text changes", or a failed one with its reason. */
    static String sheet(SheetStatus s) {
        String what = switch (s.status()) {
            case "failed" -> s.error() == null ? "" : s.error();
            case "changed" -> plural(s.regions(), "region") + ", " + plural(s.textChanges(), "text change");
            default -> "";
        };
        return String.format(Locale.ROOT, "%-12s %-9s %s", s.label(), s.status(), what).stripTrailing();
    }

    static String revision(RevisionRef r) {
        return r == null ? "?" : r.label() + "  (drawing set '" + r.setName() + "', revision " + r.id() + ")";
    }

    /** "812 KB", "12.4 MB". */
    static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%d KB", (bytes + 999) / 1000)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
