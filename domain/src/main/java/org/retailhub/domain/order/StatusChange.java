package org.retailhub.domain.order;

import java.time.Instant;

/** One entry of an order's history. */
public record StatusChange(OrderStatus status, String reason, Instant at) {
}
