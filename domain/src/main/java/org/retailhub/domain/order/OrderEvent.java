package org.retailhub.domain.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What leaves the hub on {@code orders.events} each time an order changes status. No personal data. */
public record OrderEvent(String type, UUID orderId, String channel, String externalId, String orderNumber,
                         OrderStatus status, String reason, BigDecimal total, String currency, Instant occurredAt) {
}
