package org.retailhub.domain.inventory;

import java.time.Instant;

/**
 * What leaves the hub on the stock movements topic for each movement of untagged stock queued for the stock's owner,
 * and for each goods receipt the owner reported. No personal data.
 *
 * @param reference  the movement's reference, unique: the posting's ({@code hub.stock_posting.posting_ref}), or
 *                   {@code receipt/<ERP material document>/<item>} for a goods receipt
 * @param quantity   the change of the store's stock in pieces: negative when pieces left, positive when they came back,
 *                   arrived or a count found more (the posting's own quantity counts pieces leaving, so it is the
 *                   opposite)
 * @param occurredAt when the hub queued it (a goods receipt: when the hub booked it)
 */
public record StockMovement(String reference, String storeId, String sku, int quantity, StockMovementKind kind, Instant occurredAt) {
}
