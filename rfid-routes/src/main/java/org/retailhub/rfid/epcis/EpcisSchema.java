package org.retailhub.rfid.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * GS1's EPCIS 2.0 JSON schema ({@code epcis/2.0/EPCIS-JSON-Schema.json}, copied unchanged from GS1), which checks an
 * EPCIS document or a single event, formats ({@code uri}, {@code date-time}) included. Thread-safe.
 */
public final class EpcisSchema {

    static final String LOCATION = "/epcis/2.0/EPCIS-JSON-Schema.json";

    private final Schema schema;

    public EpcisSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = EpcisSchema.class.getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is missing from the class path");
            }
            schema = registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema.initializeValidators();
    }

    /** What in the document breaks the schema, each with the JSON Pointer of the failing member; empty when it is valid. */
    public List<Violation> check(JsonNode document) {
        return schema.validate(document).stream()
                .map(error -> new Violation(path(error), error.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::message))
                .toList();
    }

    private static String path(Error error) {
        return error.getInstanceLocation() == null ? "$" : error.getInstanceLocation().toString();
    }

    /** One failing member, by JSON Pointer (RFC 6901: {@code /epcisBody/eventList/0/eventTime}), and what is wrong with it. */
    public record Violation(String path, String message) {
    }
}
