package org.retailhub.domain.deadletter;

import java.time.Instant;

/**
 * One dead letter as an operator sees it.
 *
 * @param origin     where it came from: the channel topic, or the island and its table or file ({@code ERP orders.csv})
 * @param position   the line, offset or log position within the origin, when known
 * @param payload    the message as it came, personal data masked; {@code null} for a reader who may not see payloads
 * @param status     {@code OPEN}, {@code REPLAYED} or {@code DISCARDED} ({@code RESOLVED} for one resolved before the desk)
 * @param resolvedBy who replayed or discarded it
 * @param note       why it was discarded
 */
public record DeadLetter(DeadLetterSource source, long id, String origin, Long position, String reason, Instant receivedAt,
                         String payload, String status, Instant resolvedAt, String resolvedBy, String note) {

    public static final String OPEN = "OPEN";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";

    public DeadLetter withoutPayload() {
        return new DeadLetter(source, id, origin, position, reason, receivedAt, null, status, resolvedAt, resolvedBy, note);
    }
}
