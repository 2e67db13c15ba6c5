package org.retailhub.domain.payment;

import java.math.BigDecimal;

/** One line of a provider's settlement file: a captured payment as the provider booked it. */
public record SettlementLine(String providerPaymentId, String reference, String type, BigDecimal amount, String currency) {
}
