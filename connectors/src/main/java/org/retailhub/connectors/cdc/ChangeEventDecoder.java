package org.retailhub.connectors.cdc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;

/**
 * Turns a Debezium change event (JSON without schemas) into an {@link IslandChange}. An event that cannot be read
 * becomes a change with operation {@code '?'} carrying the raw payload, so it can be dead-lettered, never lost. Public
 * for the dead-letter desk, which decodes a dead-lettered event again when an operator replays it.
 */
public final class ChangeEventDecoder {

    public static final char UNREADABLE = '?';
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() { };

    private final ObjectMapper json = new ObjectMapper();

    public IslandChange decode(Island island, String payload) {
        try {
            JsonNode event = json.readTree(payload);
            String op = event.path("op").asText();
            JsonNode source = event.path("source");
            JsonNode row = "d".equals(op) ? event.path("before") : event.path("after");
            if (op.length() != 1 || !row.isObject() || !source.has("lsn")) {
                return unreadable(island, payload);
            }
            return new IslandChange(island, source.path("table").asText(), op.charAt(0), json.convertValue(row, ROW),
                    source.path("lsn").asLong(), Instant.ofEpochMilli(source.path("ts_ms").asLong()), payload);
        } catch (IOException | IllegalArgumentException e) {
            return unreadable(island, payload);
        }
    }

    private static IslandChange unreadable(Island island, String payload) {
        return new IslandChange(island, null, UNREADABLE, Map.of(), -1, Instant.now(), payload);
    }
}
