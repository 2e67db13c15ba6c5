package org.retailhub.domain.payment;

/** What the provider answered about a payment: its id there, the status, and a reason or redirect where given. */
public record ProviderAnswer(String providerPaymentId, PaymentStatus status, String reason, String redirectUrl) {
}
