package org.retailhub.domain.replenishment;

/**
 * What a store has and will have of one article without a new order.
 *
 * @param onHand   units in the store
 * @param onOrder  units ordered and not yet received
 * @param reserved units promised to orders and not yet taken off the shelf
 */
public record InventoryPosition(int onHand, int onOrder, int reserved) {

    public InventoryPosition {
        if (onOrder < 0 || reserved < 0) {
            throw new IllegalArgumentException("on order and reserved must not be negative: " + onOrder + ", " + reserved);
        }
    }

    /** On hand + on order − reserved: the stock the next order has to top up. */
    public int position() {
        return onHand + onOrder - reserved;
    }
}
