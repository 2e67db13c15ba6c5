package org.retailhub.domain.payment;

/**
 * Port: hands a payment request to whatever takes payments (a provider, or the stand-in that approves).
 * The outcome comes back later and separately through {@link PaymentOutcomes}; this call never waits for it.
 */
public interface PaymentRequests {

    void request(PaymentRequest request);
}
