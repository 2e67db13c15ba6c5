package org.retailhub.domain.payment;

import org.retailhub.domain.shared.Money;

/**
 * Port: a payment service provider. Every mutating call carries an idempotency key, so a retried call
 * (by the client, or by an operator retrying an incident) never charges twice.
 *
 * @see PaymentProviderUnavailableException
 */
public interface PaymentProvider {

    /** Asks for an authorisation; the answer may be final (AUTHORISED, DECLINED) or PENDING (outcome by webhook). */
    ProviderAnswer authorise(Payment payment, String idempotencyKey);

    /** Takes the authorised money. DECLINED when the provider refuses the capture. */
    ProviderAnswer capture(Payment payment, String idempotencyKey);

    /** Cancels an authorisation that will not be captured. */
    ProviderAnswer voidAuthorisation(Payment payment, String idempotencyKey);

    /**
     * Cancels by the hub's payment reference, without the provider's id: whatever the provider holds for the
     * reference is voided, and an authorisation for it that arrives later is refused. For a payment whose
     * authorisation may still be on its way when the order is cancelled (a "technical cancel").
     */
    ProviderAnswer cancelByReference(Payment payment, String idempotencyKey);

    /** Gives money back after a capture. */
    ProviderAnswer refund(Payment payment, Money amount, String idempotencyKey);

    /** The provider's current view of the payment. */
    ProviderAnswer status(Payment payment);
}
