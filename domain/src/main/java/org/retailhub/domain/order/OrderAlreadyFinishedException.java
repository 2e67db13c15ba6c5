package org.retailhub.domain.order;

import java.util.UUID;

/** Raised when a request needs a running order (e.g. a cancellation) but the order is already final. */
public class OrderAlreadyFinishedException extends RuntimeException {

    private final UUID orderId;
    private final OrderStatus status;

    public OrderAlreadyFinishedException(UUID orderId, OrderStatus status) {
        super("order " + orderId + " is already " + status);
        this.orderId = orderId;
        this.status = status;
    }

    public UUID orderId() {
        return orderId;
    }

    public OrderStatus status() {
        return status;
    }
}
