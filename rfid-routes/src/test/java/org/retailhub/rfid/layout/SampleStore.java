package org.retailhub.rfid.layout;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.retailhub.rfid.epc.EpcUris;

/** A store for tests: STORE-001 (GLN 4012345000016) with two shelves, a backroom and the door, and a reader for each. */
public final class SampleStore {

    public static final String STORE = "STORE-001";
    public static final String GLN = "4012345000016";
    public static final PresenceRule RULE = new PresenceRule(2, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(500));
    public static final Zone SHELF_A = new Zone(STORE, "shelf-a", ZoneKind.SALES_FLOOR, RULE);
    public static final Zone SHELF_B = new Zone(STORE, "shelf-b", ZoneKind.SALES_FLOOR, RULE);
    public static final Zone BACKROOM = new Zone(STORE, "backroom", ZoneKind.BACKROOM, RULE);
    public static final Zone DOOR = new Zone(STORE, "door", ZoneKind.DOOR,
            new PresenceRule(1, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(200)));

    private SampleStore() {
    }

    public static StoreLayout layout() {
        StoreSite store = new StoreSite(STORE, GLN, 7, ZoneId.of("Europe/Berlin"),
                Map.of("shelf-a", SHELF_A, "shelf-b", SHELF_B, "backroom", BACKROOM, "door", DOOR));
        return new StoreLayout(Map.of(STORE, store), Map.of(
                "fx9600-shelves", new ReaderPlacement("fx9600-shelves", STORE, "shelf-a", Map.of(3, "shelf-b", 4, "shelf-b")),
                "impinj-backroom", new ReaderPlacement("impinj-backroom", STORE, "backroom", Map.of()),
                "fx7500-door", new ReaderPlacement("fx7500-door", STORE, "door", Map.of())));
    }

    /** The SGTIN-96 hex of item {@code itemReference} (5 digits) with {@code serial}, company prefix 4012345, filter 1. */
    public static String epcHex(int itemReference, long serial) {
        return EpcUris.tag("urn:epc:tag:sgtin-96:1.4012345.0" + String.format("%05d", itemReference) + "." + serial).hex();
    }

    /** The same EPC's pure identity URI. */
    public static String epcUri(int itemReference, long serial) {
        return "urn:epc:id:sgtin:4012345.0" + String.format("%05d", itemReference) + "." + serial;
    }
}
