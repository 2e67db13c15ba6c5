package org.retailhub.domain.payment;

import org.retailhub.domain.pricing.Money;

/**
 * Port: gift cards held in the CRM/loyalty system. Redemptions are idempotent per key and can be reversed
 * (compensation when the rest of a split payment fails or the order is cancelled).
 */
public interface GiftCards {

    /** Current balance; {@link PaymentProviderUnavailableException} when the CRM cannot be reached. */
    Money balance(String cardNumber);

    /** Takes the amount from the card; returns the redemption id. DECLINED reason when the balance is too low. */
    ProviderAnswer redeem(String cardNumber, Money amount, String idempotencyKey);

    /** Puts a redemption back on the card. */
    void reverse(String redemptionId, String idempotencyKey);
}
