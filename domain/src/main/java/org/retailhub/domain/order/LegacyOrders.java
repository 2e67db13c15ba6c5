package org.retailhub.domain.order;

/**
 * The legacy system that fulfils the orders of a store on the legacy path (the ERP's sales-order intake, as before the
 * hub). Implementations must be idempotent per key: the same key booked twice is one sales order.
 */
public interface LegacyOrders {

    /**
     * Books the order at the legacy system.
     *
     * @param giftCard the CRM's token of the order's gift card, or null; never the card number
     * @return the legacy system's reference of the booked order (its sales order number)
     * @throws RuntimeException when the legacy system cannot be reached or refuses; the hand-over is tried again
     */
    String book(Order order, GiftCardToken giftCard, String idempotencyKey);
}
