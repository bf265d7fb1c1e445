package com.buildtrace.summary;

import com.buildtrace.ai.TokenUsage;
import com.buildtrace.compare.PageComparison;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns what a person sent as an edited summary into a summary of kind edited. They send a summary document
 * (summary.json as it was, changed); only its {@code set} and {@code sheets} are taken, each sheet matched to
 * the comparison's by its pages. A sheet left out keeps the version edited; the sheets' names, titles and
 * statuses and the set's counts are the comparison's, whatever was sent. Region ids and ranked sheets must
 * exist. A part that differs from the version edited is marked edited, the rest keeps who wrote it.
 */
final class SummaryEdits {

    private SummaryEdits() {
    }

    static ChangeSummary apply(String json, SummaryVersion base, List<PageComparison> pages, String userId) {
        JsonNode doc;
        try {
            doc = SummaryJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidSummaryException("not JSON: " + e.getOriginalMessage());
        }
        if (doc == null || !doc.isObject() || !doc.has("set") || !doc.has("sheets") || !doc.get("sheets").isArray()) {
            throw new InvalidSummaryException("an edited summary is an object with \"set\" and \"sheets\"");
        }
        ChangeSummary was = base.summary();
        List<SheetSummary> sent = new ArrayList<>();
        for (JsonNode n : doc.get("sheets")) {
            sent.add(parse(n, SheetSummary.class, "sheet"));
        }
        List<SheetSummary> sheets = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (PageComparison p : pages) {
            labels.add(p.label());
            SheetSummary before = was.sheet(p.oldPage(), p.newPage()).orElseThrow(() -> new InvalidSummaryException(
                    "version " + base.version() + " has no summary of sheet " + p.label()));
            SheetSummary edited = sent.stream().filter(s -> s.sameSheet(p.oldPage(), p.newPage())).findFirst()
                    .orElse(before);
            sent.remove(edited);
            Set<String> known = SheetFacts.regionIds(p);
            for (SummaryChange c : edited.changes()) {
                List<String> unknown = c.regionIds().stream().filter(id -> !known.contains(id)).toList();
                if (!unknown.isEmpty()) {
                    throw new InvalidSummaryException("sheet " + p.label() + " has no region " + String.join(", ",
                            unknown) + " (change \"" + c.title() + "\")");
                }
            }
            SheetSummary s = new SheetSummary(p.label(), SheetFacts.title(p), p.oldPage(), p.newPage(),
                    p.status().json(), edited.source(), edited.note(), edited.summary(), edited.changes(),
                    edited.criticalChange(), edited.recommendations());
            sheets.add(sameContent(s, before) ? before : s.withSource(SummarySource.EDITED, null));
        }
        if (!sent.isEmpty()) {
            throw new InvalidSummaryException("the comparison has no sheet with old page " + sent.get(0).oldPage()
                    + " and new page " + sent.get(0).newPage() + " (\"" + sent.get(0).sheet() + "\")");
        }
        SetSummary set = parse(doc.get("set"), SetSummary.class, "set");
        for (SheetImpact i : set.sheetsByImpact()) {
            if (!labels.contains(i.sheet())) {
                throw new InvalidSummaryException("the set ranks sheet " + i.sheet() + ", which the comparison does "
                        + "not have");
            }
        }
        SetSummary before = was.set();
        boolean setEdited = !set.overallSummary().equals(before.overallSummary())
                || !set.sheetsByImpact().equals(before.sheetsByImpact())
                || !set.tradesAffected().equals(before.tradesAffected());
        SetSummary newSet = setEdited ? new SetSummary(SummarySource.EDITED, null, set.overallSummary(),
                set.sheetsByImpact(), set.tradesAffected(), before.counts()) : before;
        return new ChangeSummary(SummarySource.EDITED, "Edited by " + userId + " from version " + base.version()
                + " (" + was.label() + ")", SummaryStatus.COMPLETED, was.model(), null, base.version(),
                TokenUsage.NONE, newSet, sheets);
    }

    private static boolean sameContent(SheetSummary a, SheetSummary b) {
        return a.summary().equals(b.summary()) && a.changes().equals(b.changes())
                && java.util.Objects.equals(a.criticalChange(), b.criticalChange())
                && a.recommendations().equals(b.recommendations());
    }

    private static <T> T parse(JsonNode n, Class<T> type, String what) {
        try {
            return SummaryJson.MAPPER.treeToValue(n, type);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new InvalidSummaryException(what + ": " + (cause instanceof JacksonException je
                    ? je.getOriginalMessage() : cause.getMessage()));
        }
    }
}
