package org.retailhub.domain.payment;

import java.util.UUID;

/**
 * Port: delivers a payment outcome to the order that waits for it (message correlation in the process engine).
 */
public interface PaymentOutcomes {

    /** @return false when no order waits for a payment outcome any more (late or duplicate outcome) */
    boolean approved(UUID orderId, String paymentReference);

    /** @return false when no order waits for a payment outcome any more (late or duplicate outcome) */
    boolean declined(UUID orderId, String reason);
}
