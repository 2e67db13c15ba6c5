package org.retailhub.domain.order;

import org.retailhub.domain.shared.Channel;
import java.util.UUID;
import org.retailhub.domain.shared.Money;

/** An order without its lines, promotions and history: what a status-change event carries. */
public record OrderHeader(UUID id, Channel channel, String externalId, String orderNumber, OrderStatus status,
                          String statusReason, Money total) {
}
