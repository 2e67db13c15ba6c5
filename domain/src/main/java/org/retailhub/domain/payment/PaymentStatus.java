package org.retailhub.domain.payment;

/** A payment's state as the hub knows it. */
public enum PaymentStatus {
    REQUESTED, PENDING, AUTHORISED, DECLINED, CAPTURED, VOIDED, REFUNDED;

    /**
     * How far along a payment is. A payment only moves forward: news of a lower or equal stage (a late
     * or repeated webhook) never overwrites what the hub already knows.
     */
    public int stage() {
        return switch (this) {
            case REQUESTED -> 0;
            case PENDING -> 1;
            case AUTHORISED, DECLINED -> 2;
            case CAPTURED, VOIDED -> 3;
            case REFUNDED -> 4;
        };
    }

    public boolean supersedes(PaymentStatus current) {
        return stage() > current.stage();
    }

    /** Whether the provider has decided the authorisation either way. */
    public boolean decided() {
        return this != REQUESTED && this != PENDING;
    }
}
