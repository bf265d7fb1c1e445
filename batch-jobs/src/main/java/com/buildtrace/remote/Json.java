package com.buildtrace.remote;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON in and out on Jackson's streaming parser and generator. The remote commands read a few members of small
 * answers; Jackson's data-binding mapper would spend half a second of a one-shot command setting itself up
 * (about a thousand classes), the streaming layer a tenth of that.
 */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /**
     * A document read into a {@link Node}.
     *
     * @throws IllegalArgumentException when it is not one JSON value
     */
    static Node parse(String text) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            Node n = new Node(value(p, p.nextToken()));
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value");
            }
            return n;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static Object value(JsonParser p, JsonToken token) {
        if (token == null) {
            throw new IllegalArgumentException("no JSON value");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    /** An object of strings, numbers, booleans, UUIDs, nulls, maps and lists as JSON text. */
    static String write(Map<String, ?> object) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write(g, object);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeName(e.getKey().toString());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else {
            g.writeString(value.toString());
        }
    }

    /**
     * A JSON value, read leniently: a member that is missing, null or of another type reads as absent (null, 0,
     * empty), so answers with members this version does not know, or without ones it does not need, read fine.
     *
     * @param value a map, list, string, number, boolean or null
     */
    record Node(Object value) {

        private static final Node MISSING = new Node(null);

        /** A member of this object (missing when this is no object or has no such member). */
        Node get(String name) {
            return value instanceof Map<?, ?> map && map.get(name) != null ? new Node(map.get(name)) : MISSING;
        }

        boolean isObject() {
            return value instanceof Map<?, ?>;
        }

        boolean present() {
            return value != null;
        }

        /** The string, or the text of a number or boolean; null otherwise. */
        String text() {
            return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString()
                    : null;
        }

        String text(String otherwise) {
            String s = text();
            return s == null ? otherwise : s;
        }

        int integer() {
            return value instanceof Number n ? n.intValue() : 0;
        }

        long longValue() {
            return value instanceof Number n ? n.longValue() : 0;
        }

        /** The number, or null. */
        Double number() {
            return value instanceof Number n ? n.doubleValue() : null;
        }

        UUID uuid() {
            String s = text();
            return s == null ? null : UUID.fromString(s);
        }

        OffsetDateTime time() {
            String s = text();
            return s == null ? null : OffsetDateTime.parse(s);
        }

        /** The elements of an array (empty for anything else). */
        List<Node> items() {
            return value instanceof List<?> list ? list.stream().map(Node::new).toList() : List.of();
        }

        /** The members of an object, in order (empty for anything else). */
        Map<String, Node> fields() {
            if (!(value instanceof Map<?, ?> map)) {
                return Map.of();
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(k.toString(), new Node(v)));
            return Collections.unmodifiableMap(fields);
        }
    }
}
