package org.retailhub.simulator.rfid;

/**
 * A fixed reader over one zone of the simulated store.
 *
 * @param vendor   {@code zebra} (IoT Connector tag data events, a JSON array per message) or {@code impinj} (IoT device
 *                 interface tag inventory events, one per line)
 * @param antennas ports 1..antennas, each covering the whole zone
 */
public record SimulatedReader(String id, String vendor, String zone, int antennas) {

    public SimulatedReader {
        if (!vendor.equals("zebra") && !vendor.equals("impinj")) {
            throw new IllegalArgumentException("vendor is zebra or impinj, not " + vendor);
        }
    }

    /** The MQTT topic it publishes on: {@code rfid/<vendor>/<reader id>}. */
    public String topic(String prefix) {
        return prefix + "/" + vendor + "/" + id;
    }
}
