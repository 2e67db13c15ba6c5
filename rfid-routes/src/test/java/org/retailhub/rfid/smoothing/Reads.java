package org.retailhub.rfid.smoothing;

import java.time.Instant;
import org.retailhub.rfid.layout.Zone;
import org.retailhub.rfid.reads.TagRead;

/** A read in a zone at a second and millisecond after the test's start, for the smoothing's tests. */
record Reads(Zone zone, String epc, String reader, int antenna, long atMillis) {

    static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    static Reads at(long millis, Zone zone, String epc) {
        return new Reads(zone, epc, "reader", 1, millis);
    }

    TagRead read() {
        return new TagRead("", epc, reader, antenna, -60, START.plusMillis(atMillis));
    }

    Reads onAntenna(String otherReader, int otherAntenna) {
        return new Reads(zone, epc, otherReader, otherAntenna, atMillis);
    }
}
