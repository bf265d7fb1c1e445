package com.buildtrace.report;

import static com.buildtrace.report.HtmlReportWriter.esc;

import com.buildtrace.summary.ChangeSummary;
import com.buildtrace.summary.SheetImpact;
import com.buildtrace.summary.SheetSummary;
import com.buildtrace.summary.SummaryChange;
import com.buildtrace.summary.SummarySource;
import com.buildtrace.summary.Trade;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary's part of the report: for the set, who wrote it, the overall summary, the sheets by impact and
 * the trades; per sheet, its summary, the critical change, each change with links to the regions that show it
 * (a click scrolls to the region's box and flashes it), and the recommendations.
 */
final class SummaryHtml {

    static final String CSS = """
            .summary{background:#fff;border:1px solid #dde1e6;border-radius:8px;margin:16px auto}
            .sheet .summary{border:0;margin:0 0 12px;padding:0}
            .by{display:inline-block;border-radius:4px;padding:1px 8px;font-size:12px;font-weight:600}
            .by.ai{background:#e8f3ea;color:#1f6b32}.by.deterministic{background:#eceff3;color:#333}.by.edited{background:#fff4d6;color:#7a5200}
            .critical{border-left:4px solid #b0201f;background:#fdf1f1;padding:6px 10px;margin:8px 0}
            .sev{border-radius:4px;padding:1px 6px;font-size:12px}
            .sev.low{background:#eceff3}.sev.medium{background:#fff4d6}.sev.high{background:#fde3cf;color:#8a3b00}.sev.critical{background:#b0201f;color:#fff}
            a[data-box]{font-family:ui-monospace,monospace;margin-right:4px}
            .changes td{vertical-align:top} .changes small{color:#555}
            """;

    private SummaryHtml() {
    }

    /** The set's summary, linking ranked sheets to their sections by label. */
    static void set(StringBuilder h, ChangeSummary s, Map<String, String> anchors) {
        h.append("<section class=\"summary\" id=\"summary\"><h2>Summary ");
        by(h, s.kind());
        h.append("</h2>\n<p class=\"meta\">").append(esc(s.label()));
        if (s.kind() == SummarySource.AI && s.usage().requests() > 0) {
            h.append(String.format(Locale.ROOT, " %d requests, %d tokens, estimated $%.4f.", s.usage().requests(),
                    s.usage().totalTokens(), s.usage().estimatedCostUsd()));
        }
        h.append("</p>\n");
        if (s.note() != null) {
            h.append("<p class=\"error\">").append(esc(s.note())).append("</p>\n");
        }
        h.append("<p>").append(esc(s.set().overallSummary())).append("</p>\n");
        if (!s.set().tradesAffected().isEmpty()) {
            h.append("<p><b>Trades affected:</b> ").append(esc(s.set().tradesAffected().stream().map(Trade::label)
                    .collect(Collectors.joining(", ")))).append("</p>\n");
        }
        if (!s.set().sheetsByImpact().isEmpty()) {
            h.append("<table class=\"list\"><tr><th>Sheet</th><th>Impact</th><th>Why</th></tr>\n");
            for (SheetImpact i : s.set().sheetsByImpact()) {
                String anchor = anchors.get(i.sheet());
                h.append("<tr><td>");
                if (anchor != null) {
                    h.append("<a href=\"#").append(anchor).append("\">").append(esc(i.sheet())).append("</a>");
                } else {
                    h.append(esc(i.sheet()));
                }
                h.append("</td><td><span class=\"sev ").append(i.impact().json()).append("\">")
                        .append(i.impact().json()).append("</span></td><td>").append(esc(i.reason()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    /** A sheet's summary inside its section; region links point at the boxes of that section's overlay. */
    static void sheet(StringBuilder h, SheetSummary s, String anchor) {
        h.append("<div class=\"summary\"><p>");
        by(h, s.source());
        h.append(' ').append(esc(s.summary())).append("</p>\n");
        if (s.note() != null) {
            h.append("<p class=\"meta\">").append(esc(s.note())).append("</p>\n");
        }
        if (s.criticalChange() != null) {
            h.append("<p class=\"critical\"><b>Critical:</b> ").append(esc(s.criticalChange())).append("</p>\n");
        }
        if (!s.changes().isEmpty()) {
            h.append("<table class=\"list changes\"><tr><th>Severity</th><th>Change</th><th>Where</th><th>Trade</th>")
                    .append("<th>Regions</th></tr>\n");
            for (SummaryChange c : s.changes()) {
                h.append("<tr><td><span class=\"sev ").append(c.severity().json()).append("\">")
                        .append(c.severity().json()).append("</span></td><td><b>").append(esc(c.title()))
                        .append("</b> <small>").append(c.changeType().json()).append("</small><br>")
                        .append(esc(c.description()));
                // text values as the report's region list shows them: old → new, + added, − removed
                if (c.oldValue() != null && c.newValue() != null) {
                    h.append("<br><span class=\"oldtext\">").append(esc(c.oldValue())).append("</span> → ")
                            .append("<span class=\"newtext\">").append(esc(c.newValue())).append("</span>");
                } else if (c.newValue() != null) {
                    h.append("<br><span class=\"newtext\">+ ").append(esc(c.newValue())).append("</span>");
                } else if (c.oldValue() != null) {
                    h.append("<br><span class=\"oldtext\">− ").append(esc(c.oldValue())).append("</span>");
                }
                h.append("</td><td>").append(esc(c.location())).append("</td><td>").append(esc(c.trade().label()))
                        .append("</td><td>");
                for (String id : c.regionIds()) {
                    h.append("<a href=\"#").append(anchor).append('-').append(esc(id)).append("\" data-box=\"")
                            .append(anchor).append('-').append(esc(id)).append("\">").append(esc(id)).append("</a>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!s.recommendations().isEmpty()) {
            h.append("<p><b>Recommended:</b></p><ul>");
            s.recommendations().forEach(r -> h.append("<li>").append(esc(r)).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("</div>\n");
    }

    private static void by(StringBuilder h, SummarySource source) {
        String label = switch (source) {
            case AI -> "AI-written";
            case DETERMINISTIC -> "not AI-written";
            case EDITED -> "edited";
        };
        h.append("<span class=\"by ").append(source.json()).append("\">").append(label).append("</span>");
    }
}
