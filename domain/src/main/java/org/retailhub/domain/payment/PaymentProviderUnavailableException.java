package org.retailhub.domain.payment;

/**
 * The provider could not be reached or kept failing after the client's retries (or its circuit is open).
 * Process steps let it propagate so the engine retries the step and, when retries run out, raises an incident.
 */
public class PaymentProviderUnavailableException extends RuntimeException {

    public PaymentProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
