package org.retailhub.rfid.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.retailhub.domain.epcis.JournalEvent;

/**
 * An EPCIS 2.0 event as JSON-LD, with the members the hub stores and queries by pulled out.
 *
 * @param bizLocation {@code null} when the event has none (an item seen at a door is on its way out)
 */
public record EpcisEvent(String eventId, String type, Instant eventTime, String action, String bizStep, String disposition,
                         String readPoint, String bizLocation, List<String> epcs, ObjectNode json) {

    public EpcisEvent {
        epcs = List.copyOf(epcs);
    }

    /** As the hub's journal keeps it. */
    public JournalEvent toJournal() {
        return new JournalEvent(eventId, type, eventTime, action, bizStep, disposition, readPoint, bizLocation, epcs, json);
    }
}
