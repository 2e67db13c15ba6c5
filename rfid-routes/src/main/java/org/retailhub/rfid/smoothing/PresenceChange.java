package org.retailhub.rfid.smoothing;

import java.time.Instant;
import org.retailhub.rfid.layout.Zone;

/**
 * A tag became present in a zone, or stopped being there.
 *
 * @param at ENTER: the read that made the sightings enough; EXIT: the last read plus the zone's absence, or the read
 *           that showed the tag present in another zone of the store (it moved)
 */
public record PresenceChange(Kind kind, Zone zone, String epc, Instant at) {

    public enum Kind { ENTER, EXIT }

    public static PresenceChange enter(Zone zone, String epc, long at) {
        return new PresenceChange(Kind.ENTER, zone, epc, Instant.ofEpochMilli(at));
    }

    public static PresenceChange exit(Zone zone, String epc, long at) {
        return new PresenceChange(Kind.EXIT, zone, epc, Instant.ofEpochMilli(at));
    }
}
