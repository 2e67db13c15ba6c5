package org.retailhub.domain.inventory;

/**
 * Why the stock of an article in a store moved: as queued for the stock's owner ({@code hub.stock_posting}), or as the
 * owner reported it (goods receipts).
 */
public enum StockMovementKind {
    /** An order's line left the store when its stock was committed (reference {@code <order id>/<line>/issue}). */
    ORDER_ISSUE,
    /** An order line's committed pieces came back because its fulfilment failed ({@code <order id>/<line>/return}). */
    ORDER_RETURN,
    /** A till sold the pieces (reference: the receipt line, e.g. {@code POS-11-3-777-1}). */
    TILL_SALE,
    /** A cycle count found more or fewer pieces than the ledger ({@code count/<count id>/<sku>}). */
    COUNT_CORRECTION,
    /**
     * Goods arrived against a purchase order the hub placed, as the ERP reported them ({@code hub.goods_receipt};
     * reference {@code receipt/<ERP material document>/<item>}); positive. The ERP booked it itself, so it is published
     * but not queued for the owner.
     */
    GOODS_RECEIPT
}
