package org.retailhub.routes.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.retailhub.domain.order.FulfilmentBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether the intake takes new orders now: closed while the hub's backlog ({@link FulfilmentBacklog}) is above the
 * limit of {@link IntakeBackPressure}, open again once it fell to the resume level. The backlog is read by {@link
 * #refresh} on a timer ({@link ChannelPause}), never per request. Metrics: {@code hub.intake.backlog} (the last
 * reading), {@code hub.intake.closed} (1 while closed), {@code hub.intake.refusals} (REST orders answered 503), {@code
 * hub.intake.expected.wait} (seconds the closed intake expects to stay closed, the basis of {@code Retry-After}).
 */
@Component
public class IntakeGate {

    private static final Logger log = LoggerFactory.getLogger(IntakeGate.class);

    private final FulfilmentBacklog backlog;
    private final IntakeBackPressure configured;
    private final Counter refusals;
    private volatile IntakeBackPressure limits;
    private volatile long lastReading;
    private volatile boolean closed;
    private volatile boolean readingFailed;
    private final LongSupplier nanoTime;
    /** This closure's start, highest reading and when it was read ({@link #refresh}'s own state). */
    private long closedAt;
    private long peak;
    private long peakAt;
    /** Whole seconds the intake expects to stay closed, as of the last {@link #refresh}. */
    private volatile long expectedWait;

    @Autowired
    public IntakeGate(FulfilmentBacklog backlog, IntakeProperties properties, MeterRegistry meters) {
        this(backlog, properties, meters, System::nanoTime);
    }

    IntakeGate(FulfilmentBacklog backlog, IntakeProperties properties, MeterRegistry meters, LongSupplier nanoTime) {
        this.backlog = backlog;
        this.nanoTime = nanoTime;
        this.configured = properties.backpressure();
        this.limits = configured;
        this.refusals = Counter.builder("hub.intake.refusals").description("REST orders refused while the backlog was above its limit")
                .register(meters);
        Gauge.builder("hub.intake.backlog", () -> lastReading)
                .description("due process steps not done yet, as last read").register(meters);
        Gauge.builder("hub.intake.closed", () -> closed ? 1 : 0)
                .description("1 while the intake refuses REST orders and pauses the channel consumers").register(meters);
        Gauge.builder("hub.intake.expected.wait", () -> closed ? expectedWait : 0).baseUnit("seconds")
                .description("how long the closed intake expects to stay closed; refused clients are told this or up to half more")
                .register(meters);
    }

    /**
     * Reads the backlog once and decides; a reading that fails (database down) keeps the last decision.
     *
     * @return whether the intake is closed now
     */
    public synchronized boolean refresh() {
        long reading;
        try {
            reading = backlog.dueSteps();
        } catch (RuntimeException e) {
            if (!readingFailed) {
                log.warn("Backlog not read, the intake stays {} until it is: {}", closed ? "closed" : "open", e.getMessage());
            }
            readingFailed = true;
            return closed;
        }
        readingFailed = false;
        lastReading = reading;
        IntakeBackPressure now = limits;
        boolean nowClosed = now.closedAfter(closed, reading);
        if (nowClosed != closed) {
            if (nowClosed) {
                log.warn("Intake closed: {} due steps, above the limit of {}; REST answers 503, channel consumers pause", reading, now.maxBacklog());
            } else {
                log.info("Intake open again: {} due steps, at or below {}", reading, now.resumeAt());
            }
        }
        if (nowClosed) {
            expect(now, reading);
        }
        closed = nowClosed;
        return nowClosed;
    }

    /**
     * Whether a REST order may come in now; a refusal is counted. Read per request, so it only reads a field: the backlog
     * itself is read by {@link #refresh}.
     */
    public boolean admits() {
        if (closed) {
            refusals.increment();
            return false;
        }
        return true;
    }

    private void expect(IntakeBackPressure now, long reading) {
        long at = nanoTime.getAsLong();
        if (!closed) {
            closedAt = at;
            peak = reading;
            peakAt = at;
        } else if (reading >= peak) {
            peak = reading;
            peakAt = at;
        }
        expectedWait = now.expectedWaitSeconds(reading, peak, Duration.ofNanos(at - peakAt), Duration.ofNanos(at - closedAt));
    }

    /**
     * What a refused client is told to wait, in whole seconds ({@code Retry-After}): {@code retryAfter} in the first
     * seconds of a closure, then how long the intake expects to stay closed ({@link
     * IntakeBackPressure#expectedWaitSeconds}) plus up to half of that again, drawn per refusal. A fixed wait brings
     * every refused client back every few seconds for as long as the closure lasts (at 20 orders/s offered, ~230
     * refusals a second: ops/bench/RESULTS.md, run 10); the spread keeps the clients refused in one second from all coming
     * back in one second when the intake opens.
     */
    public long retryAfterSeconds() {
        long least = limits.retryAfter().toSeconds();
        long wait = closed ? Math.max(least, expectedWait) : least;
        return wait <= least ? wait : wait + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
    }

    public boolean closed() {
        return closed;
    }

    /** How often {@link #refresh} should run. */
    public Duration refreshInterval() {
        return configured.refresh();
    }

    /**
     * Other limits until the returned handle is closed, then the configured ones again: for a drill or a test that
     * needs a small backlog to close the intake. Takes effect at the next {@link #refresh}.
     */
    public AutoCloseable limitedTo(long maxBacklog, long resumeAt) {
        limits = configured.withLimits(maxBacklog, resumeAt);
        return () -> limits = configured;
    }
}
