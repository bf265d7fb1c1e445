package com.buildtrace.api.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Slack notification: a Block Kit message (header, facts, top changes, sheets, a button to the comparison)
 * for an incoming webhook, with {@code text} as the fallback that notifications and old clients show.
 */
final class SlackMessage {

    /** Slack's limits: a header's text, a section's text. */
    private static final int HEADER_CHARS = 150;

    private static final int SECTION_CHARS = 3000;

    /** The headline of a test message for a project none of whose comparisons has ended yet. */
    static final String TEST_HEADLINE = "[Test] Notifications from BuildTrace reach you";

    /** Most sheets named per status; the rest are counted. */
    private static final int LISTED_SHEETS = 30;

    private static final Map<String, String> HEADINGS = Map.of("changed", "Changed", "added", "Added",
            "removed", "Removed", "failed", "Could not be compared");

    private SlackMessage() {
    }

    /** The message about the end of a comparison, as JSON ({@code test}: sent as a test, and saying so). */
    static String of(ComparisonDigest d, boolean test) {
        String headline = (test ? "[Test] " : "") + d.headline();
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(header(headline));
        if (test) {
            blocks.add(context("This is a test notification: the latest comparison of " + esc(d.project())
                    + " as you would be told of it."));
        }
        ComparisonDigest.Counts c = d.counts();
        List<String> fields = new ArrayList<>(List.of("*Project*\n" + esc(d.project()),
                "*Duration*\n" + d.took(), "*Sheets*\n" + c.total() + " (" + c.unchanged() + " unchanged)",
                "*Changed / added / removed*\n" + c.changed() + " / " + c.added() + " / " + c.removed()));
        if (c.failed() > 0) {
            fields.add("*Could not be compared*\n" + c.failed());
        }
        blocks.add(Map.of("type", "section", "fields", fields.stream().map(SlackMessage::mrkdwn).toList()));
        if (d.failed()) {
            blocks.add(section("*The comparison failed:* " + esc(d.error() == null ? "no reason was recorded"
                    : d.error())));
        }
        if (d.overview() != null) {
            blocks.add(section(esc(d.overview())));
        }
        if (!d.topChanges().isEmpty()) {
            blocks.add(section("*Top changes*\n" + d.topChanges().stream().map(t -> "• *" + esc(t.sheet()) + "* "
                    + esc(t.text()) + (t.severity() == null ? "" : " _(" + t.severity() + ")_"))
                    .collect(Collectors.joining("\n"))));
        }
        for (String status : List.of("changed", "added", "removed", "failed")) {
            List<ComparisonDigest.Sheet> sheets = d.sheets(status);
            if (!sheets.isEmpty()) {
                blocks.add(section("*" + HEADINGS.get(status) + " (" + sheets.size() + ")*\n" + sheets(sheets)));
            }
        }
        if (d.link() != null) {
            blocks.add(button(d.link(), "Open the comparison"));
        }
        blocks.add(context("BuildTrace · you chose to be notified of comparisons in " + esc(d.project())));
        return json(headline + (d.link() == null ? "" : " " + d.link()), blocks);
    }

    /** A test message for a project none of whose comparisons has ended yet. */
    static String test(String project, String link) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(header(TEST_HEADLINE));
        blocks.add(section("When a comparison of *" + esc(project) + "* ends, you will be told here what changed: "
                + "the sheets changed, added and removed, the top changes and a link to the comparison."));
        if (link != null) {
            blocks.add(button(link, "Open the project"));
        }
        return json(TEST_HEADLINE, blocks);
    }

    private static String sheets(List<ComparisonDigest.Sheet> sheets) {
        String listed = sheets.subList(0, Math.min(LISTED_SHEETS, sheets.size())).stream()
                .map(s -> "• " + esc(s.name()) + (s.detail() == null ? "" : " — " + esc(s.detail())))
                .collect(Collectors.joining("\n"));
        return listed + (sheets.size() > LISTED_SHEETS ? "\n…and " + (sheets.size() - LISTED_SHEETS) + " more" : "");
    }

    private static String json(String text, List<Map<String, Object>> blocks) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", text);
        message.put("blocks", blocks);
        return JsonMapper.shared().writeValueAsString(message);
    }

    private static Map<String, Object> header(String text) {
        return Map.of("type", "header", "text", Map.of("type", "plain_text", "emoji", true,
                "text", cut(text, HEADER_CHARS)));
    }

    private static Map<String, Object> section(String mrkdwn) {
        return Map.of("type", "section", "text", mrkdwn(mrkdwn));
    }

    private static Map<String, Object> context(String mrkdwn) {
        return Map.of("type", "context", "elements", List.of(mrkdwn(mrkdwn)));
    }

    private static Map<String, Object> button(String url, String label) {
        return Map.of("type", "actions", "elements", List.of(Map.of("type", "button", "style", "primary",
                "text", Map.of("type", "plain_text", "text", label), "url", url)));
    }

    private static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", cut(text, SECTION_CHARS));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Slack's escaping of text in mrkdwn: the three control characters. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
