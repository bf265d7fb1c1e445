package com.buildtrace.share;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.clouds.CloudAudit;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.report.HtmlReportWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The set triage: every change as a row (sheet, kind, box, text, trade and severity when summarised, cloud
 * verdict) and every sheet as a row, ranked by amount of change as the report ranks them. The rows are records
 * that serialise to JSON as they are; {@link Csv} writes them as {@code changes.csv} and {@code sheets.csv}.
 */
public final class Triage {

    /** File names in a comparison's folder. */
    public static final String CHANGES_CSV = "changes.csv";

    public static final String SHEETS_CSV = "sheets.csv";

    private Triage() {
    }

    /**
     * One row per change region, sheets in ranked order, regions in reading order.
     *
     * @param pages the comparison's sheets
     * @param notes trade and severity from the summary (or {@link SummaryNotes#none()})
     */
    public static List<ChangeRow> changes(List<PageComparison> pages, SummaryNotes notes) {
        List<ChangeRow> rows = new ArrayList<>();
        for (PageComparison p : HtmlReportWriter.ranked(pages)) {
            if (p.newPage() == null) {
                continue;
            }
            String title = SummaryPages.title(p);
            for (ChangeRegion r : p.regions()) {
                List<TextChange> texts = p.textChanges().stream().filter(t -> r.id().equals(t.regionId())).toList();
                SummaryNotes.Note note = notes.of(p.label(), r.id());
                rows.add(new ChangeRow(p.label(), title.isEmpty() ? null : title, p.newPage() + 1, r.kind().json(),
                        r.id(), r.box().x(), r.box().y(), r.box().width(), r.box().height(),
                        join(texts, TextChange::oldText), join(texts, TextChange::newText),
                        blankToNull(HtmlReportWriter.textOf(p, r.id())), note.trade(), note.severity(),
                        cloudVerdict(p.cloudAudit(), r.id())));
            }
        }
        return rows;
    }

    /** One row per sheet, most changed first. */
    public static List<SheetRow> sheets(List<PageComparison> pages) {
        List<SheetRow> rows = new ArrayList<>();
        for (PageComparison p : HtmlReportWriter.ranked(pages)) {
            double[] size = p.newSize() != null ? p.newSize() : p.oldSize();
            double area = size == null ? 0 : size[0] * size[1];
            String title = SummaryPages.title(p);
            CloudAudit a = p.cloudAudit();
            rows.add(new SheetRow(rows.size() + 1, p.label(), title.isEmpty() ? null : title, p.status().json(),
                    p.oldPage() == null ? null : p.oldPage() + 1, p.newPage() == null ? null : p.newPage() + 1,
                    area > 0 ? 100 * p.changedAreaPt2() / area : 0, p.regions().size(), p.textChanges().size(),
                    a == null ? null : a.uncloudedRegionIds().size(), a == null ? null : a.emptyCloudIds().size(),
                    p.error()));
        }
        return rows;
    }

    private static String cloudVerdict(CloudAudit audit, String regionId) {
        if (audit == null) {
            return null;
        }
        if (audit.markRegionIds().contains(regionId)) {
            return "revision-mark";
        }
        return audit.uncloudedRegionIds().contains(regionId) ? "unclouded" : "clouded";
    }

    private static String join(List<TextChange> texts, java.util.function.Function<TextChange, String> part) {
        String s = texts.stream().map(part).filter(java.util.Objects::nonNull).collect(Collectors.joining("; "));
        return blankToNull(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
