package org.retailhub.domain.inventory;

/** Why the stock of an article in a store moved, as queued for the stock's owner ({@code hub.stock_posting}). */
public enum StockMovementKind {
    /** An order's line left the store when its stock was committed (reference {@code <order id>/<line>/issue}). */
    ORDER_ISSUE,
    /** An order line's committed pieces came back because its fulfilment failed ({@code <order id>/<line>/return}). */
    ORDER_RETURN,
    /** A till sold the pieces (reference: the receipt line, e.g. {@code POS-11-3-777-1}). */
    TILL_SALE,
    /** A cycle count found more or fewer pieces than the ledger ({@code count/<count id>/<sku>}). */
    COUNT_CORRECTION
}
