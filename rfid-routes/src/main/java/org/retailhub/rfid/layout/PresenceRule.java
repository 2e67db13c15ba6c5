package org.retailhub.rfid.layout;

import java.time.Duration;

/**
 * When a zone takes a tag as present and as gone.
 *
 * @param sightings seen this many times ({@link #distinctAfter} apart) ...
 * @param window    ... within this long: present
 * @param absence   present and not seen for this long: gone (the exit's time is the last read plus this)
 * @param distinctAfter reads of one tag closer together than this are one sighting, whichever antenna or reader of the
 *                      zone made them: a portal with four antennas reads a tag four times at once
 */
public record PresenceRule(int sightings, Duration window, Duration absence, Duration distinctAfter) {

    public PresenceRule {
        if (sightings < 1 || sightings > 64) {
            throw new IllegalArgumentException("sightings must be 1-64, not " + sightings);
        }
        requirePositive(window, "window");
        requirePositive(absence, "absence");
        if (distinctAfter == null || distinctAfter.isNegative()) {
            throw new IllegalArgumentException("distinctAfter must be zero or more");
        }
        if (sightings > 1 && distinctAfter.multipliedBy(sightings - 1).compareTo(window) > 0) {
            throw new IllegalArgumentException(sightings + " sightings " + distinctAfter + " apart never fit in a window of " + window);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
