package org.retailhub.rfid.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** How one vendor's reader messages split into events and what a tag event says. */
abstract sealed class VendorFormat permits ZebraTagData, ImpinjTagInventory {

    /** ISO 8601 with an offset written {@code Z}, {@code +01:00} or {@code +0100} (Zebra writes the last). */
    private static final DateTimeFormatter READER_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** The message's events: a JSON array, one JSON object, or objects one per line (NDJSON). */
    List<JsonNode> events(ObjectMapper json, byte[] message, String topicReader) {
        List<JsonNode> events = new ArrayList<>();
        try (var parser = json.createParser(message)) {
            for (JsonNode node = json.readTree(parser); node != null; node = json.readTree(parser)) {
                if (node.isArray()) {
                    node.forEach(events::add);
                } else {
                    events.add(node);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new RefusedReadException(ReadProblem.MALFORMED_JSON, topicReader, "the message is no JSON: " + firstLine(e.getMessage()));
        }
        if (events.isEmpty()) {
            throw new RefusedReadException(ReadProblem.MALFORMED_JSON, topicReader, "the message holds no event");
        }
        return events;
    }

    /** The tag record of one event, or {@code null} for an event that carries none (a status event). */
    abstract TagReport report(JsonNode event, String topicReader);

    static JsonNode object(JsonNode parent, String field, String reader) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new RefusedReadException(ReadProblem.MISSING_FIELD, reader, "'" + field + "' must be an object");
        }
        return node;
    }

    static String text(JsonNode parent, String field, String reader) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new RefusedReadException(ReadProblem.MISSING_FIELD, reader, "'" + field + "' must be a non-empty string");
        }
        return node.asText();
    }

    static int antenna(JsonNode parent, String field, String reader) {
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new RefusedReadException(ReadProblem.MISSING_FIELD, reader, "'" + field + "' must be a whole number");
        }
        if (node.asInt() < 1) {
            throw new RefusedReadException(ReadProblem.INVALID_ANTENNA, reader, "antenna " + node.asInt() + " is no port (ports count from 1)");
        }
        return node.asInt();
    }

    /** An optional number, scaled (Impinj: centi-dBm); {@code NaN} when absent. */
    static double number(JsonNode parent, String field, double scale, String reader) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (!node.isNumber()) {
            throw new RefusedReadException(ReadProblem.MISSING_FIELD, reader, "'" + field + "' must be a number");
        }
        return node.asDouble() * scale;
    }

    static Instant time(String value, String reader) {
        try {
            return OffsetDateTime.parse(value, READER_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new RefusedReadException(ReadProblem.INVALID_TIME, reader, "'" + value + "' is no time with an offset (ISO 8601)");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
