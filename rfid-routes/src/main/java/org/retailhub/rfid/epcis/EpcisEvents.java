package org.retailhub.rfid.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.retailhub.rfid.layout.StoreLayout;
import org.retailhub.rfid.layout.StoreSite;
import org.retailhub.rfid.layout.Zone;
import org.retailhub.rfid.layout.ZoneKind;
import org.retailhub.rfid.smoothing.PresenceChange;

/**
 * The EPCIS 2.0 ObjectEvents (JSON-LD) the hub writes, and documents of them. Where: the read point is the zone's SGLN,
 * the business location the store's SGLN (none at a door: the item is on its way out or in). Why: the zone kind's CBV
 * business step and disposition ({@link ZoneKind}), {@code cycle_counting} for a count. Event ids are name-based UUIDs
 * of what the event says, so the same observation made twice (a replay after a restart) has the same id.
 */
public final class EpcisEvents {

    /** GS1's JSON-LD context for EPCIS 2.0, as the standard's examples name it. */
    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
    public static final String SCHEMA_VERSION = "2.0";

    private final ObjectMapper json;
    private final StoreLayout layout;

    public EpcisEvents(ObjectMapper json, StoreLayout layout) {
        this.json = json;
        this.layout = layout;
    }

    /** A tag became present in a zone: observed there. */
    public EpcisEvent observed(PresenceChange enter) {
        if (enter.kind() != PresenceChange.Kind.ENTER) {
            throw new IllegalArgumentException("only an entry into a zone is an observation: " + enter);
        }
        Zone zone = enter.zone();
        StoreSite store = layout.store(zone.storeId());
        String bizLocation = zone.kind() == ZoneKind.DOOR ? null : store.location();
        return objectEvent(store, enter.at(), List.of(enter.epc()), zone.kind().bizStep(), zone.kind().disposition(),
                store.readPoint(zone), bizLocation);
    }

    /** The tags a cycle count found in one zone. */
    public EpcisEvent counted(Zone zone, Collection<String> epcs, Instant at) {
        StoreSite store = layout.store(zone.storeId());
        return objectEvent(store, at, epcs.stream().sorted().toList(), "cycle_counting", zone.kind().disposition(),
                store.readPoint(zone), store.location());
    }

    /** An EPCIS document holding the events. */
    public ObjectNode document(Collection<EpcisEvent> events, Instant created) {
        return documentOf(events.stream().map(event -> (JsonNode) event.json()).toList(), created);
    }

    /** An EPCIS document holding events as JSON-LD (the journal's). */
    public ObjectNode documentOf(Collection<JsonNode> events, Instant created) {
        ObjectNode document = json.createObjectNode();
        document.putArray("@context").add(CONTEXT);
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", SCHEMA_VERSION);
        document.put("creationDate", DateTimeFormatter.ISO_INSTANT.format(created));
        document.putObject("epcisBody").putArray("eventList").addAll(events);
        return document;
    }

    private EpcisEvent objectEvent(StoreSite store, Instant at, List<String> epcs, String bizStep, String disposition,
                                   String readPoint, String bizLocation) {
        String id = "urn:uuid:" + UUID.nameUUIDFromBytes(String.join("|", "ObjectEvent", "OBSERVE", at.toString(), bizStep,
                readPoint, String.valueOf(bizLocation), String.join(",", epcs)).getBytes(StandardCharsets.UTF_8));
        ZoneOffset offset = store.timeZone().getRules().getOffset(at);
        ObjectNode event = json.createObjectNode();
        event.putArray("@context").add(CONTEXT);
        event.put("type", "ObjectEvent");
        event.put("eventID", id);
        event.put("eventTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(offset)));
        event.put("eventTimeZoneOffset", offset.getId().equals("Z") ? "+00:00" : offset.getId());
        var list = event.putArray("epcList");
        epcs.forEach(list::add);
        event.put("action", "OBSERVE");
        event.put("bizStep", bizStep);
        event.put("disposition", disposition);
        event.putObject("readPoint").put("id", readPoint);
        if (bizLocation != null) {
            event.putObject("bizLocation").put("id", bizLocation);
        }
        return new EpcisEvent(id, "ObjectEvent", at, "OBSERVE", bizStep, disposition, readPoint, bizLocation, epcs, event);
    }
}
