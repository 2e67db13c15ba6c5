package org.retailhub.domain.payment;

import java.util.UUID;

/** Port: tells the payment process waiting for a provider's outcome that the outcome has been recorded. */
public interface PaymentUpdates {

    /** @return false when no payment process waits for this payment any more (late or repeated news) */
    boolean providerAnswered(UUID paymentId);
}
