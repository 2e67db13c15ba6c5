package org.retailhub.rfid.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.retailhub.domain.epcis.JournalEvent;

/**
 * The events of a captured EPCIS document (or a single event), once the schema passed it, as the journal keeps them.
 * An event without {@code eventID} gets a name-based UUID of its JSON, so the same event sent twice is kept once. Its
 * EPCs: {@code epcList}, {@code childEPCs}, {@code inputEPCList}, {@code outputEPCList} and {@code parentID}.
 */
final class CapturedEvents {

    private static final List<String> EPC_LISTS = List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");

    private CapturedEvents() {
    }

    static List<JournalEvent> of(JsonNode document) {
        List<JournalEvent> events = new ArrayList<>();
        if ("EPCISDocument".equals(document.path("type").asText())) {
            document.path("epcisBody").path("eventList").forEach(event -> events.add(event(event, document.get("@context"))));
        } else {
            events.add(event(document, null));
        }
        return events;
    }

    private static JournalEvent event(JsonNode node, JsonNode documentContext) {
        ObjectNode event = node.deepCopy();
        if (!event.has("@context") && documentContext != null) {
            event.set("@context", documentContext);
        }
        String id = event.hasNonNull("eventID") ? event.get("eventID").asText()
                : "urn:uuid:" + UUID.nameUUIDFromBytes(event.toString().getBytes(StandardCharsets.UTF_8));
        List<String> epcs = new ArrayList<>();
        EPC_LISTS.forEach(list -> event.path(list).forEach(epc -> epcs.add(epc.asText())));
        if (event.hasNonNull("parentID")) {
            epcs.add(event.get("parentID").asText());
        }
        return new JournalEvent(id, event.path("type").asText(), OffsetDateTime.parse(event.get("eventTime").asText()).toInstant(),
                text(event, "action"), text(event, "bizStep"), text(event, "disposition"), text(event.path("readPoint"), "id"),
                text(event.path("bizLocation"), "id"), epcs, event);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
