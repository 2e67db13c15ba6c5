package org.retailhub.domain.order;

/** Where an order stands, as the customer and the operator see it. */
public enum OrderStatus {
    RECEIVED, CONFIRMED, AWAITING_PAYMENT, PAID, REJECTED, CANCELLED;

    public boolean isFinal() {
        return this == PAID || this == REJECTED || this == CANCELLED;
    }
}
