package org.retailhub.domain.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An EPCIS event as the hub keeps it: the whole JSON-LD event and what it is searched by.
 *
 * @param readPoint   the read point's id, {@code null} when the event has none
 * @param bizLocation the business location's id, {@code null} when the event has none
 */
public record JournalEvent(String eventId, String type, Instant eventTime, String action, String bizStep, String disposition,
                           String readPoint, String bizLocation, List<String> epcs, JsonNode event) {

    public JournalEvent {
        epcs = List.copyOf(epcs);
    }
}
