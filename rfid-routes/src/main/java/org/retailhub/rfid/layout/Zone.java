package org.retailhub.rfid.layout;

/**
 * One read zone of a store: a shelf run, the backroom, a door. {@code id} is also the extension of the zone's SGLN,
 * so it keeps to GS1's characters and at most 20 of them.
 */
public record Zone(String storeId, String id, ZoneKind kind, PresenceRule rule) {

    public Zone {
        if (storeId == null || storeId.isBlank() || id == null || !id.matches("[A-Za-z0-9_.-]{1,20}")) {
            throw new IllegalArgumentException("a zone needs a store and an id of 1-20 letters, digits, '-', '_' or '.': " + storeId + "/" + id);
        }
        if (kind == null || rule == null) {
            throw new IllegalArgumentException("zone " + storeId + "/" + id + " needs a kind and a presence rule");
        }
    }

    /** {@code STORE-001/shelf-a}, as logs and the query API name it. */
    public String key() {
        return storeId + "/" + id;
    }
}
