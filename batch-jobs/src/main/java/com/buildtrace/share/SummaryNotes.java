package com.buildtrace.share;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a change summary ({@code summary.json}) says about single change regions: trade and severity, found
 * wherever the summary lists a sheet's {@code changes} with their {@code regionIds}. The deterministic summary
 * has none, and then every lookup is empty.
 */
public final class SummaryNotes {

    /**
     * Trade and severity of a change.
     *
     * @param trade Architectural, Structural, ... or null
     * @param severity low, medium, high, critical, or null
     */
    public record Note(String trade, String severity) {
    }

    private static final Note NONE = new Note(null, null);

    private final Map<String, Note> notes;

    private SummaryNotes(Map<String, Note> notes) {
        this.notes = notes;
    }

    /** No summary. */
    public static SummaryNotes none() {
        return new SummaryNotes(Map.of());
    }

    /** The notes of a summary file; none when the file is absent or not a summary. */
    public static SummaryNotes read(Path summaryJson) throws IOException {
        if (!Files.isRegularFile(summaryJson)) {
            return none();
        }
        try {
            return of(JsonMapper.builder().build().readTree(summaryJson.toFile()));
        } catch (JacksonException e) {
            return none();
        }
    }

    /** The notes of a summary as JSON. */
    public static SummaryNotes of(JsonNode summary) {
        Map<String, Note> notes = new HashMap<>();
        collect(summary, notes);
        return new SummaryNotes(notes);
    }

    private static void collect(JsonNode node, Map<String, Note> notes) {
        if (node.isObject() && node.path("changes").isArray()) {
            String sheet = text(node, "sheet", "sheetNumber", "label");
            for (JsonNode change : node.path("changes")) {
                Note note = new Note(text(change, "trade"), text(change, "severity"));
                for (JsonNode id : change.path("regionIds")) {
                    notes.putIfAbsent(key(sheet, id.asString()), note);
                }
            }
        }
        for (JsonNode child : node) {
            if (child.isContainer()) {
                collect(child, notes);
            }
        }
    }

    private static String text(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && v.isString() && !v.asString().isBlank()) {
                return v.asString();
            }
        }
        return null;
    }

    private static String key(String sheet, String regionId) {
        return sheet + "\u0000" + regionId;
    }

    /** The note on a region of a sheet (by its label), or an empty note. */
    public Note of(String sheet, String regionId) {
        return notes.getOrDefault(key(sheet, regionId), NONE);
    }
}
