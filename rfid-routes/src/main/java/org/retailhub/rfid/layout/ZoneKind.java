package org.retailhub.rfid.layout;

/**
 * What a zone of a store is for, which decides what a tag seen there means: its EPCIS business step and disposition
 * (GS1 CBV 2.0 bare words) and whether a cycle count counts it.
 */
public enum ZoneKind {

    /** Shelves and tables customers reach: the item is for sale. */
    SALES_FLOOR("stocking", "sellable_accessible", true),
    /** The stock room behind the shop: for sale, not yet reachable. */
    BACKROOM("storing", "sellable_not_accessible", true),
    /** A door the items pass (customer exit, goods entrance): seen leaving or entering, not in stock there. */
    DOOR("entering_exiting", "in_transit", false);

    private final String bizStep;
    private final String disposition;
    private final boolean counted;

    ZoneKind(String bizStep, String disposition, boolean counted) {
        this.bizStep = bizStep;
        this.disposition = disposition;
        this.counted = counted;
    }

    /** CBV business step of an item entering such a zone. */
    public String bizStep() {
        return bizStep;
    }

    /** CBV disposition of an item entering such a zone. */
    public String disposition() {
        return disposition;
    }

    /** Whether what is seen here is stock a cycle count counts. */
    public boolean counted() {
        return counted;
    }
}
