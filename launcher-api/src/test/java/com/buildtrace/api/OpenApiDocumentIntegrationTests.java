package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description committed in the schemas module is the one the API serves. After changing an
 * endpoint, run this test with {@code -Dbuildtrace.openapi.write=true} to write it anew, and commit it.
 */
class OpenApiDocumentIntegrationTests extends ApiIntegrationTest {

    static final Path DOCUMENT = Path.of("../schemas/src/main/resources/openapi/launcher-api.json");

    @Test
    void theCommittedDescriptionIsTheServedOne() throws Exception {
        ObjectNode served = (ObjectNode) api().get("/api/v1/openapi").json();
        served.remove("servers");
        String text = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("buildtrace.openapi.write")) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.writeString(DOCUMENT, text);
        }

        JsonNode committed = JsonMapper.shared().readTree(Files.readString(DOCUMENT));

        assertThat(committed).as("schemas/.../openapi/launcher-api.json is out of date; write it with "
                + "-Dbuildtrace.openapi.write=true").isEqualTo(served);
    }
}
