package com.buildtrace.summary;

import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of summaries: stored in the history, written as summary.json, read from models and editors. */
public final class SummaryJson {

    /** Strict: a property the schema does not have is an error, not silently dropped. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /** For model answers: every property of the schema must be there (all are required in strict mode). */
    private static final JsonMapper MODEL = MAPPER.rebuild()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build();

    private SummaryJson() {
    }

    public static String write(ChangeSummary summary) {
        return MAPPER.writeValueAsString(summary);
    }

    /** A summary, or a part of one, as a JSON tree (as it is stored and written). */
    public static tools.jackson.databind.JsonNode tree(Object summaryPart) {
        return MAPPER.valueToTree(summaryPart);
    }

    public static ChangeSummary read(String json) {
        return MAPPER.readValue(json, ChangeSummary.class);
    }

    /** A model's answer, or an exception saying what does not fit the schema. */
    static <T> T readAnswer(String json, Class<T> type) {
        return MODEL.readValue(json, type);
    }

    /**
     * The document of {@code summary.json}: the version fields of the history, then the summary.
     *
     * @param createdBy "system" or the user who edited it
     */
    public static ObjectNode document(UUID comparisonId, int version, OffsetDateTime createdAt, String createdBy,
                                      ChangeSummary summary) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("schemaVersion", 1);
        doc.put("comparisonId", comparisonId.toString());
        doc.put("version", version);
        doc.put("createdAt", createdAt.toString());
        doc.put("createdBy", createdBy);
        JsonNode body = MAPPER.valueToTree(summary);
        doc.setAll((ObjectNode) body);
        return doc;
    }
}
