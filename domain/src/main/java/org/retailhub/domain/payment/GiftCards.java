package org.retailhub.domain.payment;

import org.retailhub.domain.pricing.Money;

/**
 * Port: gift cards held in the CRM/loyalty system, known to the hub by token only. Redemptions are idempotent per key and can be reversed
 * (compensation when the rest of a split payment fails or the order is cancelled).
 */
public interface GiftCards {

    /**
     * Swaps a card number for the CRM vault's token (the same number always gets the same token); the hub keeps only
     * the token and the last four digits. {@link PaymentProviderUnavailableException} when the CRM cannot be reached.
     */
    GiftCardToken tokenise(String cardNumber);

    /** Current balance of the card behind {@code cardToken}; {@link PaymentProviderUnavailableException} when the CRM cannot be reached. */
    Money balance(String cardToken);

    /** Takes the amount from the card; returns the redemption id. DECLINED reason when the balance is too low. */
    ProviderAnswer redeem(String cardToken, Money amount, String idempotencyKey);

    /** Puts a redemption back on the card. */
    void reverse(String redemptionId, String idempotencyKey);
}
