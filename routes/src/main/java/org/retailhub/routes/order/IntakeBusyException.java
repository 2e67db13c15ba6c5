package org.retailhub.routes.order;

import java.time.Duration;

/** The intake is closed because the hub has more accepted work than it can start; nothing was stored. */
public class IntakeBusyException extends RuntimeException {

    private final Duration retryAfter;

    public IntakeBusyException(Duration retryAfter) {
        super("the hub has more accepted orders than it can start now; nothing was stored, send the same order again after "
                + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one, for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
