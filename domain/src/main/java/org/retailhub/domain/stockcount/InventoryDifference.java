package org.retailhub.domain.stockcount;

import java.math.BigDecimal;

/**
 * What a count found for one article of a store against the ledger.
 *
 * @param ledger    pieces the hub's ledger held when the count closed
 * @param counted   pieces the count found
 * @param listPrice the article's list price, for the shrink's value
 */
public record InventoryDifference(String sku, int ledger, int counted, BigDecimal listPrice) {

    /** Pieces to add to the ledger: negative when fewer were found. */
    public int difference() {
        return counted - ledger;
    }

    /** Pieces the ledger holds and the shop does not: shrink (theft, damage, unrecorded sales). */
    public int missing() {
        return Math.max(0, ledger - counted);
    }

    public BigDecimal missingValue() {
        return listPrice.multiply(BigDecimal.valueOf(missing()));
    }
}
