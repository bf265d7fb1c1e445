package com.buildtrace.chat;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.summary.ChangeSummary;
import com.buildtrace.summary.SheetFacts;
import com.buildtrace.summary.SummaryChange;
import com.buildtrace.summary.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Questions worth asking about a comparison, derived from it (no AI): what changed on the most changed
 * sheets, the impact of its most severe change, the dimensions that changed, coordination between the trades
 * affected, the sheets added, and the sheets that could not be compared.
 */
final class SuggestedQuestions {

    /** Questions offered at most. */
    static final int MAX = 5;

    private SuggestedQuestions() {
    }

    static List<String> of(List<PageComparison> pages, ChangeSummary summary) {
        List<String> q = new ArrayList<>();
        List<PageComparison> changed = SheetFacts.ranked(pages).stream()
                .filter(p -> p.status() == PageStatus.CHANGED).toList();
        if (changed.isEmpty()) {
            q.add("Did anything change in the drawings between the two revisions?");
        }
        changed.stream().limit(2).forEach(p -> q.add("What changed on " + p.label()
                + (SheetFacts.title(p) == null ? "" : " (" + SheetFacts.title(p) + ")") + "?"));
        mostSevere(summary).ifPresent(c -> q.add("What is the impact of \"" + c.title() + "\", and who needs to "
                + "act on it?"));
        boolean numbers = changed.stream().flatMap(p -> p.textChanges().stream())
                .anyMatch(t -> t.oldText() != null && t.newText() != null && t.oldText().matches(".*\\d.*"));
        if (numbers) {
            q.add("Which dimensions or numbers changed, from what to what?");
        }
        List<Trade> trades = summary == null ? List.of() : summary.set().tradesAffected();
        if (trades.size() >= 2) {
            q.add("Which changes need coordination between " + trades.get(0).label() + " and " + trades.get(1).label()
                    + "?");
        }
        pages.stream().filter(p -> p.status() == PageStatus.ADDED).findFirst()
                .ifPresent(p -> q.add("What does the new sheet " + p.label() + " add?"));
        if (pages.stream().anyMatch(p -> p.status() == PageStatus.FAILED)) {
            q.add("Which sheets could not be compared, and why?");
        }
        return q.stream().distinct().limit(MAX).toList();
    }

    private static Optional<SummaryChange> mostSevere(ChangeSummary summary) {
        if (summary == null) {
            return Optional.empty();
        }
        return summary.sheets().stream().flatMap(s -> s.changes().stream())
                .filter(c -> c.severity().ordinal() >= com.buildtrace.summary.Severity.HIGH.ordinal())
                .max(Comparator.comparingInt(c -> c.severity().ordinal()));
    }
}
