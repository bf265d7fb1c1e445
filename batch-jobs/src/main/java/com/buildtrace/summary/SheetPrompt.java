package com.buildtrace.summary;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.text.TextChange;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the model is told: the instructions, and per sheet only what it needs (number, title, the regions
 * with their kinds and positions, the text changes old to new, which crop shows which regions), as compact
 * JSON; for the set, the sheets' summaries.
 */
final class SheetPrompt {

    /** Text changes listed per sheet at most; the rest are counted. */
    static final int TEXT_CHANGES = 100;

    static final String SHEET_INSTRUCTIONS = """
            You summarize what changed on one sheet of a construction drawing set between two revisions, for a \
            project manager. You get the changes a drawing-comparison engine detected: change regions (id, kind \
            added/removed/modified, box in points from the sheet's top-left corner, y down) and text changes (old \
            -> new), and crops of the overlay image around the largest regions: red is only in the old revision \
            (removed), blue only in the new revision (added), grey is unchanged.
            Rules:
            - Describe only what the data and the images show. Do not invent dimensions, rooms, grid lines, \
            reasons or consequences that cannot be seen.
            - Group regions that belong to one change. Every change lists the ids of its regions, only ids that \
            were given.
            - location: grid line, room name or area when it can be read in a crop or the text, else where on \
            the sheet; null if unknown.
            - trade: the discipline the change concerns (the sheet number's letter is a hint, not a rule).
            - severity: critical = life safety, structure, code compliance or major cost/schedule; high = affects \
            other trades, quantities or fabrication; medium = a real design change with local effect; low = \
            annotation, notes or cosmetic.
            - oldValue/newValue: only for changed text, verbatim; else null.
            - criticalChange: the one change the team must not miss, in one sentence, or null if none stands out.
            - recommendations: at most 3 concrete follow-ups (who checks what); none if nothing is needed.
            """;

    static final String SET_INSTRUCTIONS = """
            You write the overall summary of the changes between two revisions of a construction drawing set, \
            for a project manager, from the summaries of its sheets. Rank the sheets that changed, were added or \
            were removed by impact, most first, naming them exactly as given. List the trades affected. Mention \
            nothing the sheet summaries do not say.
            """;

    private SheetPrompt() {
    }

    /** The sheet's changes as JSON, its crops numbered in the order they are attached. */
    static String sheet(PageComparison p, List<OverlayCrops.Crop> crops, int maxRegions) {
        ObjectNode n = SummaryJson.MAPPER.createObjectNode();
        n.put("sheet", p.label());
        n.put("title", SheetFacts.title(p));
        n.put("sheetNumberTrade", DeterministicChangeSummarizer.trade(p).label());
        if (p.renumbered()) {
            n.put("renumberedFrom", p.oldSheet().number());
        }
        double[] size = SheetFacts.size(p);
        n.putArray("sheetSizePt").add(round(size[0])).add(round(size[1]));
        if (p.alignment() != null && !p.alignment().aligned()) {
            n.put("warning", "the revisions could not be aligned: content that only shifted shows as change");
        }
        List<ChangeRegion> regions = SheetFacts.bySize(p);
        ArrayNode rs = n.putArray("regions");
        for (ChangeRegion r : regions.subList(0, Math.min(maxRegions, regions.size()))) {
            ObjectNode o = rs.addObject();
            o.put("id", r.id());
            o.put("kind", r.kind().json());
            box(o, r.box());
            o.put("changedAreaPt2", round(r.changedAreaPt2()));
            o.put("where", SheetFacts.where(r.box(), size));
        }
        if (regions.size() > maxRegions) {
            n.put("smallerRegionsNotListed", regions.size() - maxRegions);
        }
        ArrayNode ts = n.putArray("textChanges");
        for (TextChange t : p.textChanges().subList(0, Math.min(TEXT_CHANGES, p.textChanges().size()))) {
            ObjectNode o = ts.addObject();
            o.put("kind", t.kind().json());
            o.put("old", t.oldText());
            o.put("new", t.newText());
            o.put("regionId", t.regionId());
        }
        if (p.textChanges().size() > TEXT_CHANGES) {
            n.put("textChangesNotListed", p.textChanges().size() - TEXT_CHANGES);
        }
        ArrayNode is = n.putArray("images");
        for (int i = 0; i < crops.size(); i++) {
            ObjectNode o = is.addObject();
            o.put("image", i + 1);
            box(o, crops.get(i).box());
            ArrayNode ids = o.putArray("shows");
            crops.get(i).regionIds().forEach(ids::add);
        }
        return SummaryJson.MAPPER.writeValueAsString(n);
    }

    /** The set: counts, and per sheet with changes its summary and the headline of each change. */
    static String set(List<PageComparison> pages, List<SheetSummary> sheets) {
        ObjectNode n = SummaryJson.MAPPER.createObjectNode();
        n.set("counts", SummaryJson.MAPPER.valueToTree(SheetCounts.of(pages)));
        ArrayNode list = n.putArray("sheets");
        ArrayNode unchanged = n.putArray("unchangedSheets");
        for (SheetSummary s : sheets) {
            if (s.status().equals(PageStatus.UNCHANGED.json())) {
                unchanged.add(s.sheet());
                continue;
            }
            ObjectNode o = list.addObject();
            o.put("sheet", s.sheet());
            o.put("title", s.title());
            o.put("status", s.status());
            o.put("summary", s.summary());
            o.put("criticalChange", s.criticalChange());
            ArrayNode cs = o.putArray("changes");
            s.changes().forEach(c -> cs.addObject().put("title", c.title()).put("severity", c.severity().json())
                    .put("trade", c.trade().label()));
        }
        return SummaryJson.MAPPER.writeValueAsString(n);
    }

    private static void box(ObjectNode o, Box b) {
        o.put("x", round(b.x()));
        o.put("y", round(b.y()));
        o.put("width", round(b.width()));
        o.put("height", round(b.height()));
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.1f", v));
    }
}
