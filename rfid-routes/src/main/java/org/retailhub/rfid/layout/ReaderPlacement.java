package org.retailhub.rfid.layout;

import java.util.Map;

/**
 * Where a reader hangs: its store, the zone its antennas cover, and antennas that cover another zone of the same
 * store (a fixed reader's antenna 4 over the backroom door).
 */
public record ReaderPlacement(String readerId, String storeId, String zoneId, Map<Integer, String> antennaZones) {

    public ReaderPlacement {
        antennaZones = antennaZones == null ? Map.of() : Map.copyOf(antennaZones);
        if (readerId == null || readerId.isBlank() || storeId == null || zoneId == null) {
            throw new IllegalArgumentException("a reader needs an id, a store and a zone: " + readerId);
        }
    }

    /** The zone an antenna of this reader covers. */
    public String zoneOf(int antenna) {
        return antennaZones.getOrDefault(antenna, zoneId);
    }
}
