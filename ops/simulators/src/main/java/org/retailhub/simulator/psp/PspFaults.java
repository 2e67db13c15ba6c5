package org.retailhub.simulator.psp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the simulated provider misbehaves on purpose: latency, bursts of 503s, requests that hang after they took
 * effect, cards that answer PENDING like wallets, refused captures. Knobs for tests and demos, not state: a restart
 * forgets them.
 */
public final class PspFaults {

    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger hangNext = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration hang = Duration.ofSeconds(5);
    private volatile boolean asyncCards;
    private volatile boolean refuseCaptures;

    /** Every request takes this long before it is looked at. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** The next {@code n} requests answer 503 without effect. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** The next {@code n} requests take effect but answer only after {@code hang}: the client sees a time-out. */
    public void hangNext(int n, Duration hang) {
        this.hang = hang;
        hangNext.set(n);
    }

    /** Cards answer PENDING (3-D Secure style) and get their outcome by webhook, like wallets always do. */
    public void asyncCards(boolean async) {
        this.asyncCards = async;
    }

    public void refuseCaptures(boolean refuse) {
        this.refuseCaptures = refuse;
    }

    boolean asyncCards() {
        return asyncCards;
    }

    boolean refuseCaptures() {
        return refuseCaptures;
    }

    /** Waits the latency; true when this request is to fail with 503 instead. */
    boolean delayThenFail() {
        pause(latency);
        return failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** Holds the answer back when a hang is due. */
    void hangIfDue() {
        if (hangNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            pause(hang);
        }
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
