package org.retailhub.domain.payment;

import org.retailhub.domain.order.CardVault;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.shared.Money;

/**
 * Port: gift cards held in the CRM/loyalty system, known to the hub by token only. Redemptions are idempotent per key and can be reversed
 * (compensation when the rest of a split payment fails or the order is cancelled).
 */
public interface GiftCards extends CardVault {

    /** {@inheritDoc} {@link PaymentProviderUnavailableException} when the CRM cannot be reached. */
    @Override
    GiftCardToken tokenise(String cardNumber);

    /** Current balance of the card behind {@code cardToken}; {@link PaymentProviderUnavailableException} when the CRM cannot be reached. */
    Money balance(String cardToken);

    /** Takes the amount from the card; returns the redemption id. DECLINED reason when the balance is too low. */
    ProviderAnswer redeem(String cardToken, Money amount, String idempotencyKey);

    /** Puts a redemption back on the card. */
    void reverse(String redemptionId, String idempotencyKey);
}
