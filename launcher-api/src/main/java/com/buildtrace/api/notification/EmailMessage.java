package com.buildtrace.api.notification;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * An e-mail notification: the subject, and the same content as plain text and as HTML (sent as
 * multipart/alternative, so every mail program shows one of them).
 *
 * @param subject "[Clinic] Architectural Rev A → Rev B: 3 sheets changed, 1 added"
 * @param text the plain-text body
 * @param html the HTML body
 */
public record EmailMessage(String subject, String text, String html) {

    /** Most sheets listed per status; the rest are counted. */
    static final int LISTED_SHEETS = 25;

    private static final Map<String, String> HEADINGS = Map.of("changed", "Changed sheets", "added", "Added sheets",
            "removed", "Removed sheets", "failed", "Sheets that could not be compared");

    private static final String FONT = "font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;";

    /** The message about the end of a comparison ({@code test}: sent as a test, and saying so). */
    static EmailMessage of(ComparisonDigest d, boolean test) {
        String subject = (test ? "[Test] " : "") + "[" + d.project() + "] " + d.headline();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<div style=\"" + FONT + "color:#1f2328;max-width:640px\">");
        if (test) {
            text.append("This is a test notification: the latest comparison of ").append(d.project())
                    .append(" as you would be told of it.\n\n");
            html.append(p("This is a test notification: the latest comparison of " + esc(d.project())
                    + " as you would be told of it.", "color:#59636e"));
        }
        text.append(d.headline()).append("\nProject: ").append(d.project())
                .append("\n\n");
        html.append("<h1 style=\"font-size:20px;margin:0 0 4px\">").append(esc(d.headline())).append("</h1>")
                .append(p("Project: " + esc(d.project()), "color:#59636e"));
        if (d.failed()) {
            String why = d.error() == null ? "no reason was recorded" : d.error();
            text.append("The comparison failed: ").append(why).append("\n\n");
            html.append(p("<strong>The comparison failed:</strong> " + esc(why), "color:#b42318"));
        }
        String facts = facts(d);
        text.append(facts).append("\n\n");
        html.append(p(esc(facts), ""));
        if (d.overview() != null) {
            text.append(d.overview()).append("\n\n");
            html.append(p(esc(d.overview()), ""));
        }
        if (!d.topChanges().isEmpty()) {
            text.append("Top changes\n");
            html.append(h2("Top changes")).append("<ul>");
            for (ComparisonDigest.Change c : d.topChanges()) {
                String severity = c.severity() == null ? "" : " (" + c.severity() + ")";
                text.append("  - ").append(c.sheet()).append(": ").append(c.text()).append(severity).append('\n');
                html.append("<li><strong>").append(esc(c.sheet())).append("</strong>: ").append(esc(c.text()))
                        .append(esc(severity)).append("</li>");
            }
            text.append('\n');
            html.append("</ul>");
        }
        for (String status : List.of("changed", "added", "removed", "failed")) {
            List<ComparisonDigest.Sheet> sheets = d.sheets(status);
            if (sheets.isEmpty()) {
                continue;
            }
            text.append(HEADINGS.get(status)).append(" (").append(sheets.size()).append(")\n");
            html.append(h2(HEADINGS.get(status) + " (" + sheets.size() + ")")).append("<ul>");
            for (ComparisonDigest.Sheet s : sheets.subList(0, Math.min(LISTED_SHEETS, sheets.size()))) {
                String detail = s.detail() == null ? "" : ": " + s.detail();
                text.append("  - ").append(s.name()).append(detail).append('\n');
                html.append("<li>").append(esc(s.name())).append(esc(detail)).append("</li>");
            }
            if (sheets.size() > LISTED_SHEETS) {
                String more = "and " + (sheets.size() - LISTED_SHEETS) + " more";
                text.append("  ").append(more).append('\n');
                html.append("<li>").append(more).append("</li>");
            }
            text.append('\n');
            html.append("</ul>");
        }
        if (d.link() != null) {
            text.append("Open the comparison: ").append(d.link()).append("\n\n");
            html.append(button(d.link(), "Open the comparison"));
        }
        return finish(subject, text, html, d.project());
    }

    /** A test message for a project none of whose comparisons has ended yet. */
    static EmailMessage test(String project, String link) {
        String subject = "[Test] [" + project + "] Notifications from BuildTrace reach you";
        String line = "This is a test notification. When a comparison of " + project + " ends, you will be told "
                + "here what changed: the sheets changed, added and removed, the top changes and a link to the "
                + "comparison.";
        StringBuilder text = new StringBuilder(line).append("\n\n");
        StringBuilder html = new StringBuilder("<div style=\"" + FONT + "color:#1f2328;max-width:640px\">")
                .append(p(esc(line), ""));
        if (link != null) {
            text.append("The project: ").append(link).append("\n\n");
            html.append(button(link, "Open the project"));
        }
        return finish(subject, text, html, project);
    }

    private static EmailMessage finish(String subject, StringBuilder text, StringBuilder html, String project) {
        String footer = "You receive this because you chose to be notified of comparisons in " + project
                + ". Change what you receive under Notifications on the project's page in BuildTrace.";
        text.append("-- \n").append(footer).append('\n');
        html.append("<hr style=\"border:0;border-top:1px solid #d1d9e0;margin:24px 0 8px\">")
                .append(p(esc(footer), "color:#59636e;font-size:12px")).append("</div>");
        return new EmailMessage(subject, text.toString(), html.toString());
    }

    /** "Compared in 2 min 14 s. 6 sheets: 3 changed, 1 added, 0 removed, 2 unchanged." */
    static String facts(ComparisonDigest d) {
        ComparisonDigest.Counts c = d.counts();
        String took = d.duration() == null ? "The comparison did not start." : "Compared in " + d.took() + ".";
        if (c.total() == 0) {
            return took;
        }
        return took + " " + ComparisonDigest.plural(c.total(), "sheet") + ": " + c.changed() + " changed, "
                + c.added() + " added, " + c.removed() + " removed, " + c.unchanged() + " unchanged"
                + (c.failed() > 0 ? ", " + c.failed() + " could not be compared" : "") + ".";
    }

    private static String p(String html, String style) {
        return "<p style=\"margin:0 0 12px;" + style + "\">" + html + "</p>";
    }

    private static String h2(String text) {
        return "<h2 style=\"font-size:15px;margin:16px 0 4px\">" + esc(text) + "</h2>";
    }

    private static String button(String href, String label) {
        return "<p style=\"margin:20px 0\"><a href=\"" + esc(href) + "\" style=\"background:#0b5cad;color:#ffffff;"
                + "padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600\">" + esc(label)
                + "</a></p>";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
