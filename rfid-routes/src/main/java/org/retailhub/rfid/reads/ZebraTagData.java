package org.retailhub.rfid.reads;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zebra fixed readers (FX7500, FX9600, ATR7000) with the IoT Connector publish tag data events on the reader's own data
 * topic, one event or an array of them per message, e.g.
 * <pre>{"type":"SIMPLE","timestamp":"2025-03-01T10:15:30.123+0000",
 *  "data":{"eventNum":17,"format":"epc","idHex":"3074257bf7194e4000001a85","antenna":2,"peakRssi":-57,"reads":3}}</pre>
 * The event does not name the reader: the topic does. {@code peakRssi} is in dBm; {@code format} other than {@code epc}
 * (a TID or user-memory report) is not a read the hub uses. Modelled on Zebra's public IoT Connector documentation
 * (docs/rfid.md names the pages).
 */
final class ZebraTagData extends VendorFormat {

    @Override
    TagReport report(JsonNode event, String topicReader) {
        if (!event.isObject()) {
            throw new RefusedReadException(ReadProblem.MALFORMED_JSON, topicReader, "a tag data event is a JSON object");
        }
        String type = text(event, "type", topicReader);
        if (!"SIMPLE".equals(type)) {
            throw new RefusedReadException(ReadProblem.UNSUPPORTED_EVENT, topicReader, "event type " + type + " is no tag data event (SIMPLE)");
        }
        JsonNode data = object(event, "data", topicReader);
        String format = data.path("format").asText("epc");
        if (!"epc".equals(format)) {
            throw new RefusedReadException(ReadProblem.UNSUPPORTED_EVENT, topicReader, "tag data format " + format + " carries no EPC");
        }
        return new TagReport(topicReader, text(data, "idHex", topicReader), antenna(data, "antenna", topicReader),
                number(data, "peakRssi", 1, topicReader), time(text(event, "timestamp", topicReader), topicReader));
    }
}
