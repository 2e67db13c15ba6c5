package org.retailhub.domain.order;

import java.util.UUID;
import org.retailhub.domain.pricing.Money;

/** An order without its lines, promotions and history: what a status-change event carries. */
public record OrderHeader(UUID id, Channel channel, String externalId, String orderNumber, OrderStatus status,
                          String statusReason, Money total) {
}
