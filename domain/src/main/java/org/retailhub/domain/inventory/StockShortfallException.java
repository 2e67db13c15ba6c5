package org.retailhub.domain.inventory;

import java.util.UUID;

/**
 * An order's reserved pieces are no longer on hand (an island took them: a till sale, the ERP's count), so its stock
 * cannot be committed; it waits (an incident) until a goods receipt covers it or an operator cancels the order.
 */
public class StockShortfallException extends RuntimeException {

    private final UUID orderId;

    public StockShortfallException(UUID orderId, String storeId, String sku, int onHand, int reserved) {
        super("order " + orderId + ": " + sku + " in " + storeId + " has " + onHand + " on hand for " + reserved
                + " reserved; an island took the rest (GET /api/consistency/shortfalls). Retry after a goods receipt, or cancel the order");
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
