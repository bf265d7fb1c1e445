package com.buildtrace.report;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.clouds.CloudAudit;
import com.buildtrace.compare.clouds.RevisionCloud;
import com.buildtrace.compare.diff.ChangeRegion;
import java.util.Locale;

/**
 * The cloud audit in the report: the clouds drawn over the overlay (orange when nothing changed inside),
 * unclouded changes boxed in orange, and a list of both findings under the sheet.
 */
final class CloudsSection {

    private CloudsSection() {
    }

    /** Shapes over the overlay, in the sheet's points. */
    static void svg(StringBuilder h, PageComparison p) {
        CloudAudit a = p.cloudAudit();
        if (a == null) {
            return;
        }
        for (RevisionCloud c : a.clouds()) {
            h.append("<polygon class=\"cloud").append(a.emptyCloudIds().contains(c.id()) ? " empty" : "")
                    .append("\" points=\"");
            double[] o = c.outline();
            for (int i = 0; i < o.length; i += 2) {
                h.append(String.format(Locale.ROOT, "%.1f,%.1f ", o[i], o[i + 1]));
            }
            h.append("\"><title>cloud ").append(c.id()).append("</title></polygon>");
        }
        for (ChangeRegion r : p.regions()) {
            if (a.uncloudedRegionIds().contains(r.id())) {
                h.append(String.format(Locale.ROOT, "<rect class=\"unclouded\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                                + "height=\"%.2f\"><title>%s: no revision cloud</title></rect>", r.box().x() - 4,
                        r.box().y() - 4, r.box().width() + 8, r.box().height() + 8, r.id()));
            }
        }
    }

    /** The audit's findings for the sheet, below its lists. */
    static void details(StringBuilder h, PageComparison p) {
        CloudAudit a = p.cloudAudit();
        if (a == null || (a.clouds().isEmpty() && a.uncloudedRegionIds().isEmpty())) {
            return;
        }
        h.append("<details").append(a.hasFindings() ? " open" : "").append("><summary class=\"audit\">Revision clouds: ")
                .append(a.clouds().size()).append(a.clouds().size() == 1 ? " cloud" : " clouds").append(", ")
                .append(a.uncloudedRegionIds().size()).append(" changes without a cloud, ")
                .append(a.emptyCloudIds().size()).append(" clouds around no change</summary><ul>\n");
        if (!a.uncloudedRegionIds().isEmpty()) {
            h.append("<li><span class=\"tag unclouded\">no cloud</span> ")
                    .append(HtmlReportWriter.esc(String.join(", ", a.uncloudedRegionIds())))
                    .append(": changed, but not marked with a revision cloud.</li>\n");
        }
        for (RevisionCloud c : a.clouds()) {
            boolean empty = a.emptyCloudIds().contains(c.id());
            h.append("<li>").append(empty ? "<span class=\"tag empty\">empty</span> " : "").append("cloud ")
                    .append(c.id()).append(c.revision() == null ? "" : " (revision "
                            + HtmlReportWriter.esc(c.revision()) + ")")
                    .append(String.format(Locale.ROOT, " at %.0f, %.0f, %.0f × %.0f pt", c.box().x(), c.box().y(),
                            c.box().width(), c.box().height()))
                    .append(empty ? ": nothing changed inside it." : ": around "
                            + HtmlReportWriter.esc(String.join(", ", c.regionIds())) + ".")
                    .append("</li>\n");
        }
        h.append("</ul></details>\n");
    }
}
