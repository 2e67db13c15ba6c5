package org.retailhub.domain.payment;

import java.util.UUID;
import org.retailhub.domain.pricing.Money;

/** The hub asks for an order to be paid: which order, how much, under which order number. */
public record PaymentRequest(UUID orderId, String orderNumber, Money amount) {
}
