package org.retailhub.connectors.lake;

import java.time.Instant;
import java.util.List;

/**
 * One canonical event as the lake stores it, before its customer is pseudonymised.
 *
 * @param occurredAt when it happened (its day names the partition, UTC)
 * @param customerId the golden customer id, or null when the event names no customer; never written to the lake
 * @param values     the event type's own columns, in the order of its {@link LakeSchema}
 */
record LakeRow(Instant occurredAt, String customerId, List<Object> values) {
}
