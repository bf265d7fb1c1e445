package com.buildtrace.summary;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks documents against summary.schema.json (loaded by its $id from the schemas module's classpath). */
public final class SummarySchemaCheck {

    static final String ID = "https://buildtrace.dev/schemas/summary-v1.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(ID, "classpath:" + SummarySchema.RESOURCE)));

    private SummarySchemaCheck() {
    }

    /** Violations of the summary schema, one line each; empty when valid. */
    public static List<String> validate(JsonNode document) {
        return REGISTRY.getSchema(SchemaLocation.of(ID)).validate(document).stream().map(Error::toString).toList();
    }

    /** Violations of the draft 2020-12 meta-schema by the schema document itself. */
    static List<String> validateSchemaItself(JsonNode schema) {
        return REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema")).validate(schema)
                .stream().map(Error::toString).toList();
    }
}
