package org.retailhub.simulator.rfid;

/** One message a simulated reader publishes: its topic and its JSON. */
public record ReaderMessage(String topic, byte[] payload) {
}
