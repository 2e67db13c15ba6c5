package org.retailhub.domain.payment;

import java.util.UUID;

/** Port: a till confirms that a pay-in-store (or cash-on-delivery) order has been paid. */
public interface TillPayments {

    /** @return false when the order does not wait for a till payment (wrong method, already paid or expired) */
    boolean paidAtTill(UUID orderId);
}
