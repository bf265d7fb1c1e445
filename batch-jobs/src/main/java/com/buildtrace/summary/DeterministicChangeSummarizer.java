package com.buildtrace.summary;

import com.buildtrace.ai.TokenUsage;
import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.diff.ChangeKind;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.text.TextChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The summary computed from the detected changes alone, labelled as not written by an AI: counts of regions
 * by kind, every text change verbatim, the largest other regions by where they are on the sheet, the sheets
 * ranked by amount of change, and the trades their sheet numbers name. Severity here says how large a change
 * is, nothing more: it cannot tell a moved door from a moved note.
 */
public final class DeterministicChangeSummarizer implements ChangeSummarizer {

    /** Regions listed as changes besides those that carry text changes; the others are counted. */
    static final int LISTED_REGIONS = 10;

    @Override
    public ChangeSummary summarize(SummaryRequest request) {
        return summary(request.pages(), null);
    }

    /** The deterministic summary, with a note saying why it stands (e.g. the AI summary failed), or none. */
    public ChangeSummary summary(List<PageComparison> pages, String note) {
        List<SheetSummary> sheets = pages.stream().map(p -> sheet(p, null)).toList();
        return new ChangeSummary(SummarySource.DETERMINISTIC, ChangeSummary.DETERMINISTIC_LABEL,
                SummaryStatus.COMPLETED, null, note, null, TokenUsage.NONE, set(pages, null), sheets);
    }

    /** One sheet's deterministic summary, with a note saying why it stands in an AI summary, or none. */
    public SheetSummary sheet(PageComparison p, String note) {
        List<SummaryChange> changes = new ArrayList<>();
        List<String> recommendations = new ArrayList<>();
        String text = switch (p.status()) {
            case UNCHANGED -> "No changes found.";
            case ADDED -> {
                changes.add(new SummaryChange("Sheet added", "The sheet is new in this revision.", ChangeType.ADDED,
                        null, trade(p), Severity.MEDIUM, List.of(), null, null));
                yield "Sheet added in the new revision.";
            }
            case REMOVED -> {
                changes.add(new SummaryChange("Sheet removed", "The sheet is no longer in this revision.",
                        ChangeType.REMOVED, null, trade(p), Severity.MEDIUM, List.of(), null, null));
                yield "Sheet removed from the new revision.";
            }
            case FAILED -> {
                recommendations.add("Retry this sheet once its file is fixed.");
                yield "Could not be compared: " + p.error();
            }
            case CHANGED -> changed(p, changes, recommendations);
        };
        return new SheetSummary(p.label(), SheetFacts.title(p), p.oldPage(), p.newPage(), p.status().json(),
                SummarySource.DETERMINISTIC, note, text, changes, null, recommendations);
    }

    private static String changed(PageComparison p, List<SummaryChange> changes, List<String> recommendations) {
        double[] size = SheetFacts.size(p);
        Trade trade = trade(p);
        Set<String> withText = new HashSet<>();
        for (TextChange t : p.textChanges()) {
            changes.add(textChange(t, size, trade));
            if (t.regionId() != null) {
                withText.add(t.regionId());
            }
        }
        List<ChangeRegion> others = SheetFacts.bySize(p).stream().filter(r -> !withText.contains(r.id())).toList();
        for (ChangeRegion r : others.subList(0, Math.min(LISTED_REGIONS, others.size()))) {
            changes.add(regionChange(r, size, trade));
        }
        StringBuilder s = new StringBuilder(counts(p));
        List<ChangeRegion> bySize = SheetFacts.bySize(p);
        if (!bySize.isEmpty()) {
            ChangeRegion largest = bySize.get(0);
            s.append(String.format(Locale.ROOT, " The largest, %s (%s, %s), is at the %s of the sheet.", largest.id(),
                    largest.kind().json(), SheetFacts.size(largest.box()),
                    SheetFacts.where(largest.box(), size)));
        }
        if (others.size() > LISTED_REGIONS) {
            s.append(' ').append(others.size() - LISTED_REGIONS).append(" smaller regions are not listed here.");
        }
        if (p.renumbered()) {
            s.append(" Renumbered from ").append(p.oldSheet().number()).append('.');
        }
        if (p.alignment() != null && !p.alignment().aligned()) {
            s.append(" The sheets could not be aligned, so content that only shifted shows as change.");
            recommendations.add("Check the changes by eye: the revisions could not be aligned.");
        }
        return s.toString();
    }

    private static String counts(PageComparison p) {
        int n = p.regions().size();
        String kinds = java.util.Arrays.stream(ChangeKind.values()).map(k -> {
            long c = p.regions().stream().filter(r -> r.kind() == k).count();
            return c == 0 ? null : c + " " + k.json();
        }).filter(java.util.Objects::nonNull).collect(Collectors.joining(", "));
        int t = p.textChanges().size();
        return n + (n == 1 ? " change region" : " change regions") + (n == 0 ? "" : " (" + kinds + ")") + "; " + t
                + (t == 1 ? " text change." : " text changes.");
    }

    private static SummaryChange textChange(TextChange t, double[] size, Trade trade) {
        String where = SheetFacts.where(t.box(), size);
        String title = switch (t.kind()) {
            case ADDED -> "Text added: " + t.newText();
            case REMOVED -> "Text removed: " + t.oldText();
            case REPLACED -> "Text changed: " + t.oldText() + " → " + t.newText();
        };
        String description = switch (t.kind()) {
            case ADDED -> "\"" + t.newText() + "\" added at the " + where + " of the sheet.";
            case REMOVED -> "\"" + t.oldText() + "\" removed at the " + where + " of the sheet.";
            case REPLACED -> "\"" + t.oldText() + "\" replaced by \"" + t.newText() + "\" at the " + where
                    + " of the sheet.";
        };
        ChangeType type = switch (t.kind()) {
            case ADDED -> ChangeType.ADDED;
            case REMOVED -> ChangeType.REMOVED;
            case REPLACED -> ChangeType.MODIFIED;
        };
        // a changed number (a dimension, a size, a count) usually matters more than changed wording
        boolean numeric = t.kind() == TextChange.Kind.REPLACED && t.oldText().matches(".*\\d.*")
                && t.newText().matches(".*\\d.*");
        return new SummaryChange(title, description, type, where, trade, numeric ? Severity.MEDIUM : Severity.LOW,
                t.regionId() == null ? List.of() : List.of(t.regionId()), t.oldText(), t.newText());
    }

    private static SummaryChange regionChange(ChangeRegion r, double[] size, Trade trade) {
        String where = SheetFacts.where(r.box(), size);
        double fraction = r.changedAreaPt2() / (size[0] * size[1]);
        String verb = switch (r.kind()) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case MODIFIED -> "changed";
        };
        String title = "Drawing " + verb + " at the " + where;
        String description = String.format(Locale.ROOT, "Line work %s over %s (%.2f %% of the sheet).", verb,
                SheetFacts.box(r.box()), fraction * 100);
        Severity severity = fraction >= 0.02 ? Severity.HIGH : fraction >= 0.002 ? Severity.MEDIUM : Severity.LOW;
        ChangeType type = switch (r.kind()) {
            case ADDED -> ChangeType.ADDED;
            case REMOVED -> ChangeType.REMOVED;
            case MODIFIED -> ChangeType.MODIFIED;
        };
        return new SummaryChange(title, description, type, where, trade, severity, List.of(r.id()), null, null);
    }

    /** The set's deterministic summary, with a note saying why it stands in an AI summary, or none. */
    public SetSummary set(List<PageComparison> pages, String note) {
        SheetCounts c = SheetCounts.of(pages);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d of %d sheets changed, %d added, %d removed",
                c.changed(), c.sheets(), c.added(), c.removed()));
        if (c.failed() > 0) {
            s.append(", ").append(c.failed()).append(" could not be compared");
        }
        s.append('.');
        List<PageComparison> changed = SheetFacts.ranked(pages).stream()
                .filter(p -> p.status() == PageStatus.CHANGED).toList();
        if (!changed.isEmpty()) {
            s.append(" Most changed: ").append(changed.stream().limit(5).map(p -> String.format(Locale.ROOT,
                    "%s (%d regions, %d text changes)", p.label(), p.regions().size(), p.textChanges().size()))
                    .collect(Collectors.joining(", "))).append('.');
        }
        List<SheetImpact> ranking = SheetFacts.ranked(pages).stream().map(DeterministicChangeSummarizer::impact)
                .toList();
        Set<Trade> trades = new LinkedHashSet<>();
        SheetFacts.ranked(pages).stream().filter(p -> p.status() != PageStatus.FAILED).forEach(p -> trades.add(trade(p)));
        if (!trades.isEmpty()) {
            s.append(" Trades by sheet number: ").append(trades.stream().map(Trade::label)
                    .collect(Collectors.joining(", "))).append('.');
        }
        return new SetSummary(SummarySource.DETERMINISTIC, note, s.toString(), ranking, List.copyOf(trades), c);
    }

    private static SheetImpact impact(PageComparison p) {
        return switch (p.status()) {
            case ADDED -> new SheetImpact(p.label(), Severity.MEDIUM, "sheet added");
            case REMOVED -> new SheetImpact(p.label(), Severity.MEDIUM, "sheet removed");
            case FAILED -> new SheetImpact(p.label(), Severity.MEDIUM, "could not be compared");
            default -> {
                double f = SheetFacts.changedFraction(p);
                Severity s = f >= 0.05 ? Severity.HIGH : f >= 0.005 || !p.textChanges().isEmpty() ? Severity.MEDIUM
                        : Severity.LOW;
                yield new SheetImpact(p.label(), s, String.format(Locale.ROOT,
                        "%d change regions, %d text changes, %.2f %% of the sheet changed", p.regions().size(),
                        p.textChanges().size(), f * 100));
            }
        };
    }

    /** The trade a sheet's number names. */
    static Trade trade(PageComparison p) {
        return Trade.ofSheetNumber(SheetFacts.number(p));
    }
}
