package org.retailhub.domain.order;

import java.time.Duration;
import java.util.UUID;

/**
 * Raised when a request could not reach a running order because the order kept working on it at that moment (e.g. a
 * cancellation colliding with the order's own step several times). Nothing changed; the caller may try again.
 */
public class OrderBusyException extends RuntimeException {

    private final UUID orderId;
    private final Duration retryAfter;

    public OrderBusyException(UUID orderId, Duration retryAfter, Throwable cause) {
        super("order " + orderId + " is busy with one of its steps; nothing changed, try again in " + retryAfter.toSeconds() + " s", cause);
        this.orderId = orderId;
        this.retryAfter = retryAfter;
    }

    public UUID orderId() {
        return orderId;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
