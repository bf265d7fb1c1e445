package com.buildtrace.chat;

import com.buildtrace.ai.TokenEstimate;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.summary.ChangeSummary;
import com.buildtrace.summary.SheetFacts;
import com.buildtrace.summary.SheetSummary;
import com.buildtrace.summary.Severity;
import com.buildtrace.summary.SummaryChange;
import com.buildtrace.summary.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the model is given about a comparison every chat turn, within a token budget: the counts and the
 * overall summary, then sheet by sheet, the most severe and most changed first, its summary, its changes with
 * their region ids, its regions (largest first) and its text changes. A sheet that does not fit whole is given
 * without its region and text lists; the sheets left out after that are named, so the model can say it lacks
 * their details.
 */
final class ChatContext {

    /** Regions and text changes listed per sheet at most. */
    static final int LIST = 40;

    private ChatContext() {
    }

    static String of(List<PageComparison> pages, ChangeSummary summary, long budgetTokens) {
        StringBuilder c = new StringBuilder();
        long unchanged = pages.stream().filter(p -> p.status() == PageStatus.UNCHANGED).count();
        c.append(String.format(Locale.ROOT, "%d sheets: %d changed, %d unchanged, %d added, %d removed, %d failed.%n",
                pages.size(), count(pages, PageStatus.CHANGED), unchanged, count(pages, PageStatus.ADDED),
                count(pages, PageStatus.REMOVED), count(pages, PageStatus.FAILED)));
        if (summary != null) {
            c.append("Summary (").append(summary.label()).append("): ").append(summary.set().overallSummary())
                    .append('\n');
            if (!summary.set().tradesAffected().isEmpty()) {
                c.append("Trades affected: ").append(summary.set().tradesAffected().stream().map(Trade::label)
                        .collect(Collectors.joining(", "))).append('\n');
            }
        }
        List<PageComparison> ranked = new ArrayList<>(SheetFacts.ranked(pages));
        ranked.sort(Comparator.comparingInt((PageComparison p) -> -severity(p, summary)));
        List<String> left = new ArrayList<>();
        for (PageComparison p : ranked) {
            SheetSummary s = summary == null ? null : summary.sheet(p.oldPage(), p.newPage()).orElse(null);
            String full = sheet(p, s, true);
            String brief = sheet(p, s, false);
            if (left.isEmpty() && TokenEstimate.text(c + full) <= budgetTokens) {
                c.append(full);
            } else if (left.isEmpty() && TokenEstimate.text(c + brief) <= budgetTokens) {
                c.append(brief);
            } else {
                left.add(p.label());
            }
        }
        if (unchanged > 0) {
            c.append("Unchanged sheets: ").append(pages.stream().filter(p -> p.status() == PageStatus.UNCHANGED)
                    .map(PageComparison::label).collect(Collectors.joining(", "))).append('\n');
        }
        if (!left.isEmpty()) {
            c.append("Not included for lack of room (ask about them specifically): ")
                    .append(String.join(", ", left)).append('\n');
        }
        return c.toString();
    }

    /** The highest severity among a sheet's summarized changes, as a rank (-1: none). */
    private static int severity(PageComparison p, ChangeSummary summary) {
        if (summary == null) {
            return -1;
        }
        return summary.sheet(p.oldPage(), p.newPage()).stream().flatMap(s -> s.changes().stream())
                .map(SummaryChange::severity).mapToInt(Severity::ordinal).max().orElse(-1);
    }

    private static String sheet(PageComparison p, SheetSummary s, boolean details) {
        StringBuilder b = new StringBuilder("\n## ").append(p.label());
        String title = SheetFacts.title(p);
        if (title != null) {
            b.append(' ').append(title);
        }
        b.append(" (").append(p.status().json()).append(")\n");
        if (p.error() != null) {
            b.append("Error: ").append(p.error()).append('\n');
        }
        if (s != null) {
            b.append("Summary: ").append(s.summary()).append('\n');
            if (s.criticalChange() != null) {
                b.append("Critical: ").append(s.criticalChange()).append('\n');
            }
            for (SummaryChange ch : s.changes()) {
                b.append(ch.regionIds().isEmpty() ? "- " : "- [" + String.join(", ", ch.regionIds()) + "] ")
                        .append(ch.severity().json())
                        .append(", ").append(ch.trade().label()).append(": ").append(ch.title()).append(". ")
                        .append(ch.description());
                if (ch.location() != null) {
                    b.append(" At ").append(ch.location()).append('.');
                }
                b.append('\n');
            }
        }
        if (details) {
            double[] size = SheetFacts.size(p);
            List<ChangeRegion> regions = SheetFacts.bySize(p);
            if (!regions.isEmpty()) {
                b.append("Regions (largest first; boxes in pt from the top left): ");
                b.append(regions.stream().limit(LIST).map(r -> r.id() + " " + r.kind().json() + " "
                        + SheetFacts.box(r.box()) + " " + SheetFacts.where(r.box(), size))
                        .collect(Collectors.joining("; ")));
                b.append(regions.size() > LIST ? "; and " + (regions.size() - LIST) + " smaller\n" : "\n");
            }
            List<TextChange> texts = p.textChanges();
            if (!texts.isEmpty()) {
                b.append("Text changes: ");
                b.append(texts.stream().limit(LIST).map(t -> (t.regionId() == null ? "" : t.regionId() + " ")
                        + t.kind().json() + " " + quote(t.oldText()) + " -> " + quote(t.newText()))
                        .collect(Collectors.joining("; ")));
                b.append(texts.size() > LIST ? "; and " + (texts.size() - LIST) + " more\n" : "\n");
            }
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s == null ? "-" : "\"" + s + "\"";
    }

    private static long count(List<PageComparison> pages, PageStatus s) {
        return pages.stream().filter(p -> p.status() == s).count();
    }
}
