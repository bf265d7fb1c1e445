package com.buildtrace.report;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of result.json, loaded by its {@code $id} from the schemas module's classpath resource, and
 * the draft 2020-12 meta-schema it must itself satisfy (bundled with the validator: no network).
 */
final class ResultSchema {

    static final String ID = "https://buildtrace.dev/schemas/result-v1.json";

    static final String RESOURCE = "schemas/result.schema.json";

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(ID, "classpath:" + RESOURCE)));

    private ResultSchema() {
    }

    /** Violations of the result schema, one line each ("/pages/0/status: ..."); empty when valid. */
    static List<String> validate(JsonNode result) {
        return messages(REGISTRY.getSchema(SchemaLocation.of(ID)).validate(result));
    }

    /** Violations of the draft 2020-12 meta-schema by the given schema document; empty when valid. */
    static List<String> validateAgainstMetaSchema(JsonNode schema) {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));
        return messages(meta.validate(schema));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
