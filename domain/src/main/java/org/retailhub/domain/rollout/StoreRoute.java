package org.retailhub.domain.rollout;

import java.time.Instant;

/**
 * The path a store's orders take now. {@code explicit} is false for a store nobody routed yet: it takes the default
 * path, and {@code changedAt}, {@code changedBy} and {@code reason} are null.
 */
public record StoreRoute(String storeId, StorePath path, boolean explicit, Instant changedAt, String changedBy, String reason) {
}
