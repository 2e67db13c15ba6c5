package org.retailhub.rfid.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailhub.rfid.layout.SampleStore;
import org.retailhub.rfid.smoothing.PresenceChange;

/** Every event and document the hub writes passes GS1's EPCIS 2.0 JSON schema; what breaks it is named by path. */
class EpcisEventsTest {

    private static final EpcisSchema SCHEMA = new EpcisSchema();
    private static final Instant SUMMER = Instant.parse("2025-07-01T08:30:00.250Z");

    private final ObjectMapper json = new ObjectMapper();
    private final EpcisEvents events = new EpcisEvents(json, SampleStore.layout());

    @Test
    void aTagOnAShelfIsObservedThereInTheStoreWithTheCbvWordsOfASalesFloor() throws Exception {
        EpcisEvent event = events.observed(PresenceChange.enter(SampleStore.SHELF_A, SampleStore.epcUri(1, 1001), SUMMER.toEpochMilli()));

        assertThat(SCHEMA.check(event.json())).isEmpty();
        assertThat(event.json()).isEqualTo(json.readTree("""
                {"@context":["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],"type":"ObjectEvent",
                 "eventID":"%s","eventTime":"2025-07-01T10:30:00.25+02:00","eventTimeZoneOffset":"+02:00",
                 "epcList":["urn:epc:id:sgtin:4012345.000001.1001"],"action":"OBSERVE","bizStep":"stocking",
                 "disposition":"sellable_accessible","readPoint":{"id":"urn:epc:id:sgln:4012345.00001.shelf-a"},
                 "bizLocation":{"id":"urn:epc:id:sgln:4012345.00001.0"}}""".formatted(event.eventId())));
        assertThat(event.eventId()).startsWith("urn:uuid:");
    }

    @Test
    void theSameObservationHasTheSameIdAndAnotherOneAnother() {
        String tag = SampleStore.epcUri(1, 1001);
        String id = events.observed(PresenceChange.enter(SampleStore.SHELF_A, tag, SUMMER.toEpochMilli())).eventId();

        assertThat(events.observed(PresenceChange.enter(SampleStore.SHELF_A, tag, SUMMER.toEpochMilli())).eventId()).isEqualTo(id);
        assertThat(events.observed(PresenceChange.enter(SampleStore.SHELF_B, tag, SUMMER.toEpochMilli())).eventId()).isNotEqualTo(id);
        assertThat(events.observed(PresenceChange.enter(SampleStore.SHELF_A, tag, SUMMER.toEpochMilli() + 1)).eventId()).isNotEqualTo(id);
    }

    @Test
    void atTheDoorATagIsOnItsWayWithoutBusinessLocationInWinterTime() {
        EpcisEvent event = events.observed(PresenceChange.enter(SampleStore.DOOR, SampleStore.epcUri(2, 5), Instant.parse("2025-01-15T17:00:00Z").toEpochMilli()));

        assertThat(SCHEMA.check(event.json())).isEmpty();
        assertThat(event.json().has("bizLocation")).isFalse();
        assertThat(event.bizStep()).isEqualTo("entering_exiting");
        assertThat(event.json().get("eventTimeZoneOffset").asText()).isEqualTo("+01:00");
    }

    @Test
    void aCountIsOneCycleCountingEventPerZoneAndADocumentHoldsThemAll() {
        EpcisEvent shelf = events.counted(SampleStore.SHELF_B, List.of(SampleStore.epcUri(2, 2), SampleStore.epcUri(2, 1)), SUMMER);
        EpcisEvent backroom = events.counted(SampleStore.BACKROOM, List.of(), SUMMER);
        ObjectNode document = events.document(List.of(shelf, backroom), SUMMER);

        assertThat(shelf.bizStep()).isEqualTo("cycle_counting");
        assertThat(shelf.epcs()).containsExactly(SampleStore.epcUri(2, 1), SampleStore.epcUri(2, 2));
        assertThat(SCHEMA.check(shelf.json())).isEmpty();
        assertThat(SCHEMA.check(backroom.json())).isEmpty();
        assertThat(SCHEMA.check(document)).isEmpty();
        assertThat(document.at("/epcisBody/eventList")).hasSize(2);
    }

    @Test
    void theSchemaNamesEveryFailingMemberByItsPath() throws Exception {
        JsonNode broken = json.readTree("""
                {"@context":["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0",
                 "creationDate":"yesterday","epcisBody":{"eventList":[
                   {"type":"ObjectEvent","eventTime":"2025-07-01T10:30:00+02:00","eventTimeZoneOffset":"+02:00",
                    "epcList":["urn:epc:id:sgtin:4012345.000001.1001"],"action":"LOOK","bizStep":"stocking"}]}}""");

        List<EpcisSchema.Violation> violations = SCHEMA.check(broken);

        assertThat(violations).extracting(EpcisSchema.Violation::path)
                .contains("/creationDate", "/epcisBody/eventList/0/action");
        assertThat(SCHEMA.check(json.readTree("{\"type\":\"ObjectEvent\",\"action\":\"OBSERVE\"}"))).isNotEmpty();
    }
}
