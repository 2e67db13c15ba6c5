package org.retailhub.domain.order;

import java.util.UUID;

/** The answer to a submitted order: its id, and whether this submission created it or repeated an earlier one. */
public record AcceptedOrder(UUID orderId, boolean created) {
}
