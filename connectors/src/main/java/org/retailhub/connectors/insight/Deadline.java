package org.retailhub.connectors.insight;

import java.time.Duration;
import java.time.Instant;

/** When a bounded wait of the insight stream's start or stop gives up. */
record Deadline(Instant at) {

    static Deadline in(Duration patience) {
        return new Deadline(Instant.now().plus(patience));
    }

    Duration left() {
        Duration left = Duration.between(Instant.now(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    boolean passed() {
        return Instant.now().isAfter(at);
    }
}
