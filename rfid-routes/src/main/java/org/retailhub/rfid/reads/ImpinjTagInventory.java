package org.retailhub.rfid.reads;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Impinj readers (R700 and others with the IoT device interface) stream events as newline-delimited JSON; a tag
 * inventory event is
 * <pre>{"timestamp":"2025-03-01T10:15:30.123Z","hostname":"impinj-14-26-2b","eventType":"tagInventory",
 *  "tagInventoryEvent":{"epc":"MHQle/cZTkAAABqF","epcHex":"3074257BF7194E4000001A85","antennaPort":1,
 *  "antennaName":"Antenna 1","peakRssiCdbm":-5250,"lastSeenTime":"2025-03-01T10:15:30.120Z"}}</pre>
 * The reader is its {@code hostname} (else the topic's reader); RSSI comes in centi-dBm; the time is
 * {@code lastSeenTime} when present, else the event's {@code timestamp}; {@code epcHex} is optional, {@code epc}
 * (base64) then says the same. Other event types in the stream (inventory status, GPI) carry no read and are skipped.
 * Modelled on Impinj's public IoT device interface documentation (docs/rfid.md names the pages).
 */
final class ImpinjTagInventory extends VendorFormat {

    @Override
    TagReport report(JsonNode event, String topicReader) {
        if (!event.isObject()) {
            throw new RefusedReadException(ReadProblem.MALFORMED_JSON, topicReader, "an event is a JSON object");
        }
        String reader = event.hasNonNull("hostname") ? text(event, "hostname", topicReader) : topicReader;
        if (!"tagInventory".equals(text(event, "eventType", reader))) {
            return null;
        }
        JsonNode tag = object(event, "tagInventoryEvent", reader);
        String hex = tag.hasNonNull("epcHex") ? text(tag, "epcHex", reader) : fromBase64(text(tag, "epc", reader), reader);
        String time = tag.hasNonNull("lastSeenTime") ? text(tag, "lastSeenTime", reader) : text(event, "timestamp", reader);
        return new TagReport(reader, hex, antenna(tag, "antennaPort", reader), number(tag, "peakRssiCdbm", 0.01, reader), time(time, reader));
    }

    private static String fromBase64(String epc, String reader) {
        try {
            return HexFormat.of().withUpperCase().formatHex(Base64.getDecoder().decode(epc));
        } catch (IllegalArgumentException e) {
            throw new RefusedReadException(ReadProblem.INVALID_EPC, reader, "epc '" + epc + "' is not base64");
        }
    }
}
