package com.buildtrace.summary;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.text.TextChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The summary computed from the detected changes alone, labelled as such: counts by status, the sheets
 * ranked by changed area, and every text change verbatim. What the product says when no AI is configured.
 */
public final class DeterministicSetSummarizer implements SetSummarizer {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public String summarize(List<PageComparison> pages) {
        ObjectNode root = mapper.createObjectNode();
        root.put("kind", "deterministic");
        root.put("note", "Computed from the detected changes; not written by an AI.");
        long changed = count(pages, PageStatus.CHANGED);
        long added = count(pages, PageStatus.ADDED);
        long removed = count(pages, PageStatus.REMOVED);
        long failed = count(pages, PageStatus.FAILED);
        root.put("sheets", pages.size());
        root.put("changed", changed);
        root.put("unchanged", count(pages, PageStatus.UNCHANGED));
        root.put("added", added);
        root.put("removed", removed);
        root.put("failed", failed);
        root.put("text", String.format(Locale.ROOT, "%d of %d sheets changed, %d added, %d removed%s.", changed,
                pages.size(), added, removed, failed > 0 ? ", " + failed + " could not be compared" : ""));
        List<PageComparison> ranked = new ArrayList<>(pages);
        ranked.removeIf(p -> p.status() != PageStatus.CHANGED);
        ranked.sort(Comparator.comparingDouble(PageComparison::changedAreaPt2).reversed());
        ArrayNode sheets = root.putArray("mostChanged");
        for (PageComparison p : ranked) {
            ObjectNode n = sheets.addObject();
            n.put("sheet", p.label());
            n.put("regions", p.regions().size());
            n.put("textChanges", p.textChanges().size());
            n.put("changedAreaPt2", Math.round(p.changedAreaPt2() * 100) / 100.0);
        }
        ArrayNode texts = root.putArray("textChanges");
        for (PageComparison p : pages) {
            for (TextChange t : p.textChanges()) {
                ObjectNode n = texts.addObject();
                n.put("sheet", p.label());
                n.put("kind", t.kind().json());
                n.put("old", t.oldText());
                n.put("new", t.newText());
            }
        }
        return mapper.writeValueAsString(root);
    }

    private static long count(List<PageComparison> pages, PageStatus s) {
        return pages.stream().filter(p -> p.status() == s).count();
    }
}
