package org.retailhub.domain.inventory;

import java.time.Instant;

/**
 * What leaves the hub on the stock movements topic for each movement of untagged stock queued for the stock's owner.
 * No personal data.
 *
 * @param reference  the movement's reference at the owner, unique: the posting's ({@code hub.stock_posting.posting_ref})
 * @param quantity   the change of the store's stock in pieces: negative when pieces left, positive when they came back
 *                   or a count found more (the posting's own quantity counts pieces leaving, so it is the opposite)
 * @param occurredAt when the hub queued it
 */
public record StockMovement(String reference, String storeId, String sku, int quantity, StockMovementKind kind, Instant occurredAt) {
}
