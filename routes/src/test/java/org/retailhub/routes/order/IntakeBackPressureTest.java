package org.retailhub.routes.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.order.FulfilmentBacklog;
import org.springframework.dao.DataAccessResourceFailureException;

/** The back-pressure decision (limit, hysteresis, switch) and the gate that applies it to readings of the backlog. */
class IntakeBackPressureTest {

    static final IntakeBackPressure LIMITS = new IntakeBackPressure(true, 400, 300, Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(30));

    @Test
    void closesOnlyAboveTheLimitAndOpensOnlyAtTheResumeLevel() {
        assertThat(LIMITS.closedAfter(false, 400)).as("at the limit").isFalse();
        assertThat(LIMITS.closedAfter(false, 401)).as("above the limit").isTrue();
        assertThat(LIMITS.closedAfter(true, 350)).as("closed, between the levels: stays closed").isTrue();
        assertThat(LIMITS.closedAfter(true, 301)).isTrue();
        assertThat(LIMITS.closedAfter(true, 300)).as("closed, at the resume level").isFalse();
        assertThat(LIMITS.closedAfter(false, 350)).as("open, between the levels: stays open").isFalse();
    }

    @Test
    void aDisabledIntakeNeverCloses() {
        IntakeBackPressure off = new IntakeBackPressure(false, 400, 300, Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofSeconds(30));
        assertThat(off.closedAfter(false, 1_000_000)).isFalse();
        assertThat(off.closedAfter(true, 1_000_000)).isFalse();
    }

    @Test
    void aResumeLevelNotBelowTheLimitIsRefusedAtStart() {
        var validator = Validation.buildDefaultValidatorFactory().getValidator();
        assertThat(validator.validate(LIMITS)).isEmpty();
        assertThat(validator.validate(LIMITS.withLimits(300, 300))).extracting(v -> v.getMessage())
                .containsExactly("resume-at must be below max-backlog");
    }

    @Test
    void theExpectedWaitIsTheBacklogLeftAtTheRateItFellBetweenRetryAfterAndItsMaximum() {
        assertThat(LIMITS.expectedWaitSeconds(400, 500, Duration.ofSeconds(10), Duration.ofSeconds(12)))
                .as("100 above resume-at, 100 drained in 10 s").isEqualTo(10);
        assertThat(LIMITS.expectedWaitSeconds(350, 500, Duration.ofSeconds(9), Duration.ofSeconds(12)))
                .as("50 left at 150 per 9 s: 3 s").isEqualTo(3);
        assertThat(LIMITS.expectedWaitSeconds(450, 450, Duration.ZERO, Duration.ofMillis(7_200)))
                .as("not falling yet: as long again as closed so far").isEqualTo(8);
        assertThat(LIMITS.expectedWaitSeconds(301, 500, Duration.ofSeconds(1), Duration.ofSeconds(1))).as("at least retry-after")
                .isEqualTo(2);
        assertThat(LIMITS.expectedWaitSeconds(490, 500, Duration.ofSeconds(60), Duration.ofSeconds(60))).as("at most max-retry-after")
                .isEqualTo(30);
    }

    @Test
    void refusedClientsAreToldHowLongTheClosureIsExpectedToLastSpreadSoTheyDoNotAllComeBackTogether() {
        AtomicLong backlog = new AtomicLong(500);
        AtomicLong nanos = new AtomicLong();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IntakeGate gate = new IntakeGate(backlog::get, properties(LIMITS), meters, nanos::get);

        assertThat(gate.refresh()).isTrue();
        assertThat(gate.retryAfterSeconds()).as("the first seconds of a closure").isEqualTo(2);
        nanos.set(Duration.ofSeconds(10).toNanos());
        backlog.set(400);
        assertThat(gate.refresh()).isTrue();
        assertThat(meters.get("hub.intake.expected.wait").gauge().value()).as("100 drained in 10 s, 100 to go").isEqualTo(10);
        Set<Long> told = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            told.add(gate.retryAfterSeconds());
        }
        assertThat(told).as("10 s and up to half of it more").allSatisfy(s -> assertThat(s).isBetween(10L, 15L)).hasSizeGreaterThan(3);

        backlog.set(300);
        assertThat(gate.refresh()).isFalse();
        assertThat(meters.get("hub.intake.expected.wait").gauge().value()).as("open").isZero();
        nanos.set(Duration.ofSeconds(11).toNanos());
        backlog.set(450);
        assertThat(gate.refresh()).isTrue();
        assertThat(gate.retryAfterSeconds()).as("a new closure starts from retry-after").isEqualTo(2);
        nanos.set(Duration.ofSeconds(20).toNanos());
        assertThat(gate.refresh()).isTrue();
        assertThat(meters.get("hub.intake.expected.wait").gauge().value()).as("9 s closed without falling: 9 s more").isEqualTo(9);
    }

    @Test
    void aMaximumRetryAfterBelowTheMinimumIsRefusedAtStart() {
        var validator = Validation.buildDefaultValidatorFactory().getValidator();
        IntakeBackPressure upsideDown = new IntakeBackPressure(true, 400, 300, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(5));
        assertThat(validator.validate(upsideDown)).extracting(v -> v.getMessage())
                .containsExactly("max-retry-after must be at least retry-after, and retry-after at least one second");
    }

    @Test
    void theGateRefusesWithRetryAfterWhileClosedCountsRefusalsAndReadsTheBacklogOnlyWhenRefreshed() throws Exception {
        AtomicLong backlog = new AtomicLong();
        AtomicLong readings = new AtomicLong();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IntakeGate gate = new IntakeGate(() -> {
            readings.incrementAndGet();
            return backlog.get();
        }, properties(LIMITS), meters);

        backlog.set(401);
        assertThat(gate.admits()).as("open until the backlog is read").isTrue();
        assertThat(readings).as("a request does not read the backlog").hasValue(0);
        assertThat(gate.refresh()).isTrue();
        assertThat(gate.admits()).isFalse();
        assertThat(gate.retryAfterSeconds()).isEqualTo(2);
        assertThat(meters.get("hub.intake.backlog").gauge().value()).isEqualTo(401);
        assertThat(meters.get("hub.intake.closed").gauge().value()).isEqualTo(1);

        backlog.set(301);
        assertThat(gate.refresh()).as("still above the resume level").isTrue();
        assertThat(gate.admits()).isFalse();
        backlog.set(300);
        assertThat(gate.refresh()).isFalse();
        assertThat(gate.admits()).isTrue();
        assertThat(meters.get("hub.intake.refusals").counter().count()).isEqualTo(2);

        try (AutoCloseable drill = gate.limitedTo(2, 1)) {
            assertThat(gate.refresh()).as("a drill's smaller limit").isTrue();
        }
        backlog.set(0);
        gate.refresh();
        backlog.set(350);
        assertThat(gate.refresh()).as("the configured limit again").isFalse();
    }

    @Test
    void aFailedReadingKeepsTheLastDecision() {
        AtomicLong backlog = new AtomicLong(401);
        FulfilmentBacklog failing = () -> {
            if (backlog.get() < 0) {
                throw new DataAccessResourceFailureException("connection refused");
            }
            return backlog.get();
        };
        IntakeGate gate = new IntakeGate(failing, properties(LIMITS), new SimpleMeterRegistry());
        assertThat(gate.refresh()).isTrue();
        backlog.set(-1);
        assertThat(gate.refresh()).isTrue();
        assertThat(gate.closed()).isTrue();
    }

    static IntakeProperties properties(IntakeBackPressure backpressure) {
        IntakeProperties defaults = new IntakeProperties("orders.web", "orders.app", "orders.marketplace", "orders.pos", "orders.deadletter",
                "retail-hub-intake", 3, Duration.ofMillis(500), 25, Duration.ofSeconds(1), new org.retailhub.routes.redelivery.Redelivery(4, Duration.ofMillis(500), Duration.ofSeconds(10)),
                backpressure);
        return defaults;
    }
}
