package com.buildtrace.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.JsonValue;
import com.openai.models.ResponseFormatJsonSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The JSON schemas the model is held to, taken from the schemas module's {@code summary.schema.json} (one
 * source for the model, the stored summaries and their tests): a {@code $defs} entry made self-contained (with
 * the definitions it refers to) and sent as a strict {@code json_schema} response format, so that the API
 * only returns JSON of that shape. The schema document is read with the client's own Jackson.
 */
final class SummarySchema {

    static final String RESOURCE = "schemas/summary.schema.json";

    /** The per-sheet answer. */
    static final String SHEET = "sheetSummaryOutput";

    /** The set-level answer. */
    static final String SET = "setSummaryOutput";

    private static final ObjectNode DOCUMENT = load();

    private SummarySchema() {
    }

    private static ObjectNode load() {
        try (InputStream in = SummarySchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (schemas module)");
            }
            return (ObjectNode) new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definition, with the definitions it refers to (transitively) under its own {@code $defs}. */
    static ObjectNode standalone(String name) {
        JsonNode defs = DOCUMENT.get("$defs");
        ObjectNode schema = ((ObjectNode) defs.get(name)).deepCopy();
        Set<String> needed = new LinkedHashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(schema);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            JsonNode ref = n.get("$ref");
            if (ref != null && ref.isTextual() && needed.add(ref.asText().replace("#/$defs/", ""))) {
                todo.add(defs.get(ref.asText().replace("#/$defs/", "")));
            }
            n.forEach(todo::add);
        }
        if (!needed.isEmpty()) {
            ObjectNode own = schema.putObject("$defs");
            needed.forEach(d -> own.set(d, defs.get(d).deepCopy()));
        }
        return schema;
    }

    /** The strict response format for a definition, under this name. */
    static ResponseFormatJsonSchema responseFormat(String name) {
        ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = standalone(name).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            schema.putAdditionalProperty(e.getKey(), JsonValue.fromJsonNode(e.getValue()));
        }
        return ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                .name(name).strict(true).schema(schema.build()).build()).build();
    }
}
