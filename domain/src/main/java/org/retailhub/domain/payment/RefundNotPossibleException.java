package org.retailhub.domain.payment;

import java.util.UUID;

/** A refund that cannot be accepted: the order is not paid, or the amount is more than is left to refund. */
public class RefundNotPossibleException extends RuntimeException {

    private final UUID orderId;

    public RefundNotPossibleException(UUID orderId, String reason) {
        super(reason);
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
