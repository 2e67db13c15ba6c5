package org.retailhub.domain.payment;

import org.retailhub.domain.order.PaymentMethod;
import java.util.UUID;
import org.retailhub.domain.shared.Money;

/**
 * One payment of an order. {@code id} is the hub's reference (sent to the provider, and the base of every
 * idempotency key); {@code providerPaymentId} is the provider's once it answered. For gift card and split
 * payments {@code giftCardToken} names the card in the CRM's vault and {@code giftCardAmount} is what the CRM
 * redeemed; the card pays the rest.
 */
public record Payment(UUID id, UUID orderId, PaymentMethod method, Money amount, PaymentStatus status,
                      String providerPaymentId, String redirectUrl, String reason,
                      String giftCardToken, Money giftCardAmount, String giftCardRedemption) {

    /** Convenience for payments without a gift card. */
    public Payment(UUID id, UUID orderId, PaymentMethod method, Money amount, PaymentStatus status,
                   String providerPaymentId, String redirectUrl, String reason) {
        this(id, orderId, method, amount, status, providerPaymentId, redirectUrl, reason, null, Money.zero(amount.currency()), null);
    }

    /** What the card (or wallet) must pay: the amount less any gift card redemption. */
    public Money cardAmount() {
        return amount.minus(giftCardAmount);
    }

    /** Whether the payment party is the PSP (card or wallet, also the card part of a split). */
    public boolean throughProvider() {
        return method == PaymentMethod.CARD || method == PaymentMethod.WALLET || (method == PaymentMethod.SPLIT && cardAmount().amount().signum() > 0);
    }

    /** Never print the gift card token. */
    @Override
    public String toString() {
        return "Payment[" + id + ", order " + orderId + ", " + method + ", " + amount + ", " + status + "]";
    }
}
