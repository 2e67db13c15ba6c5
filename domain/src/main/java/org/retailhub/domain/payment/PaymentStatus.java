package org.retailhub.domain.payment;

/** A payment's state as the hub knows it. */
public enum PaymentStatus {
    REQUESTED, PENDING, AUTHORISED, DECLINED, CAPTURED, VOIDED, REFUNDED;

    /** Whether the provider has decided the authorisation either way. */
    public boolean decided() {
        return this != REQUESTED && this != PENDING;
    }
}
