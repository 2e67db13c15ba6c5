package org.retailhub.domain.payment;

import java.util.UUID;
import org.retailhub.domain.pricing.Money;

/**
 * One payment of an order. {@code id} is the hub's reference (sent to the provider, and the base of every
 * idempotency key); {@code providerPaymentId} is the provider's once it answered.
 */
public record Payment(UUID id, UUID orderId, PaymentMethod method, Money amount, PaymentStatus status,
                      String providerPaymentId, String redirectUrl, String reason) {
}
