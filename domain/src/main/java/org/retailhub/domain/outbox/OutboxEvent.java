package org.retailhub.domain.outbox;

import java.util.UUID;

/** An event waiting in the outbox: where it goes, its key and its JSON payload. */
public record OutboxEvent(long sequence, UUID eventId, String topic, String key, String type, String payload) {
}
