package com.buildtrace.testing;

import java.nio.file.Path;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** result.json as two runs of the same comparison must agree on: everything but timings and the engine's threads. */
public final class ResultFiles {

    private static final Set<String> VARYING = Set.of("millis", "stageMillis", "threads");

    private ResultFiles() {
    }

    public static JsonNode comparable(Path resultJson) {
        JsonNode root = JsonMapper.builder().build().readTree(resultJson.toFile());
        strip(root);
        return root;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            VARYING.forEach(o::remove);
        }
        node.forEach(ResultFiles::strip);
    }
}
