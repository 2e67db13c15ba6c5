package org.retailhub.domain.order;

import java.util.UUID;
import org.retailhub.domain.rollout.StorePath;

/**
 * The answer to a submitted order: its id, whether this submission created it or repeated an earlier one, and the path
 * it took when it was first accepted (a repeat keeps it, whatever its store's path is now).
 */
public record AcceptedOrder(UUID orderId, boolean created, StorePath path) {

    /** An order on the hub's path. */
    public AcceptedOrder(UUID orderId, boolean created) {
        this(orderId, created, StorePath.HUB);
    }
}
