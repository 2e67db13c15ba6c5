package org.retailhub.domain.order;

/**
 * Where an order stands, as the customer and the operator see it. {@code FORWARDED_TO_LEGACY}: its store is on the
 * legacy path of the pilot rollout, so the legacy ERP fulfils it and the hub keeps the record of its hand-over.
 */
public enum OrderStatus {
    RECEIVED, CONFIRMED, AWAITING_PAYMENT, PAID, REJECTED, CANCELLED, PARTIALLY_REFUNDED, REFUNDED, FORWARDED_TO_LEGACY;

    /** Whether fulfilment is over (refunds may still follow a paid order). */
    public boolean isFinal() {
        return this != RECEIVED && this != CONFIRMED && this != AWAITING_PAYMENT;
    }

    /** The statuses an order may move to this one from: refunds only after payment, everything else only while open. */
    public java.util.List<OrderStatus> allowedSources() {
        return switch (this) {
            case PARTIALLY_REFUNDED, REFUNDED -> java.util.List.of(PAID, PARTIALLY_REFUNDED);
            default -> java.util.List.of(RECEIVED, CONFIRMED, AWAITING_PAYMENT);
        };
    }
}
