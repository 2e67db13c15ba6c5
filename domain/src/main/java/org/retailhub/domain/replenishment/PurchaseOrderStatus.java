package org.retailhub.domain.replenishment;

/** Where a purchase order the hub placed stands. */
public enum PurchaseOrderStatus {
    /** Made from approved proposal lines, not yet accepted by the ERP. */
    PLACED,
    /** The ERP took it and gave it its number; nothing received yet. */
    ACCEPTED,
    /** The ERP refused it (the reason is kept); the buyer decides. */
    REFUSED,
    /** Some of it arrived. */
    PARTLY_RECEIVED,
    /** Everything ordered arrived (or the rest was cancelled after some arrived). */
    RECEIVED,
    /** Nothing arrived and the ERP cancelled the rest. */
    CANCELLED,
    /** The buyer stopped waiting for a late delivery and the rest was cancelled at the ERP. */
    CLOSED_SHORT,
    /** The buyer dropped a refused order. */
    DROPPED;

    /** Whether goods may still arrive against it (it counts as on order). */
    public boolean open() {
        return this == PLACED || this == ACCEPTED || this == PARTLY_RECEIVED;
    }
}
