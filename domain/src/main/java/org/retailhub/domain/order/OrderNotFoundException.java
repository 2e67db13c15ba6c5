package org.retailhub.domain.order;

import java.util.UUID;

/** Raised when an order id is not known to the hub. */
public class OrderNotFoundException extends RuntimeException {

    private final UUID orderId;

    public OrderNotFoundException(UUID orderId) {
        super("order " + orderId + " does not exist");
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
