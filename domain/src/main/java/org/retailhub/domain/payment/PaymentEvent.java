package org.retailhub.domain.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.retailhub.domain.order.PaymentMethod;

/**
 * What leaves the hub on the payments topic each time a payment changes status. No card data (no token, no last four
 * digits, not the provider's payment id) and nothing personal: the order id leads to the order, the amount is the
 * payment's.
 *
 * @param type       {@code Payment} and the status reached, e.g. {@code PaymentCaptured}
 * @param reason     the provider's or the hub's reason when it gave one (a decline's cause), else null
 * @param occurredAt when the hub recorded the change
 */
public record PaymentEvent(String type, UUID paymentId, UUID orderId, PaymentMethod method, BigDecimal amount, String currency,
                           PaymentStatus status, String reason, Instant occurredAt) {
}
