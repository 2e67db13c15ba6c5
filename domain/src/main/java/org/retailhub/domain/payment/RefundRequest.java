package org.retailhub.domain.payment;

import java.util.UUID;
import org.retailhub.domain.shared.Money;

/** A refund the hub has accepted and a process will carry out. */
public record RefundRequest(UUID id, UUID paymentId, UUID orderId, Money amount, String reason) {
}
