package org.retailhub.ops.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop arrivals: order {@code i} is due at {@code start + i / rate}, whether or not the hub has answered
 * the ones before. A sender that falls behind sends at once and the order keeps its due time, so latency is
 * measured from when the customer pressed the button, not from when a slow hub let us send
 * (no coordinated omission).
 */
final class ArrivalSchedule {

    /** Called for each arrival when it is due; must not block. */
    interface Arrival {
        void due(long index, long dueMillis);
    }

    private final double ratePerSecond;

    ArrivalSchedule(double ratePerSecond) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
    }

    /** Due time of arrival {@code i}, in epoch milliseconds, for a schedule starting at {@code startMillis}. */
    long dueMillis(long startMillis, long i) {
        return startMillis + Math.round(i * 1000.0 / ratePerSecond);
    }

    /** Runs arrivals {@code 0} to {@code count} (exclusive), parking this thread until each is due. */
    void run(long startMillis, long count, Arrival arrival) {
        for (long i = 0; i < count; i++) {
            long due = dueMillis(startMillis, i);
            long wait = due - System.currentTimeMillis();
            if (wait > 0) {
                LockSupport.parkNanos(wait * 1_000_000L);
            }
            arrival.due(i, due);
        }
    }
}
