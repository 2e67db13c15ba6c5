package org.retailhub.routes.consistency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.consistency.ChangePropagation;
import org.retailhub.domain.consistency.ConflictingChangeException;
import org.retailhub.domain.consistency.DeadLetters;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.UndecodableChangeException;
import org.springframework.stereotype.Component;

/**
 * Every captured island change, in commit order: applied to the golden records and propagated under field
 * ownership ({@link ChangePropagation}). A batch the engine polled is applied in one hub transaction; when one of its
 * changes fails, the batch is rolled back and applied change by change, so only that change becomes a dead letter
 * (with the reason and the original payload) and the stream goes on.
 * Metrics: {@code hub.cdc.lag} (commit in the island → applied in the hub, per island), {@code hub.cdc.changes}
 * (per island and outcome), {@code hub.cdc.dead.letters} (per island), {@code hub.cdc.conflicts.restored} (per island
 * and kind: the owner's value put back after a conflicting change).
 */
@Component
public class CdcRoutes extends RouteBuilder {

    static final String ENDPOINT = "direct:island-change";
    static final String BATCH_ENDPOINT = "direct:island-changes";

    private final ChangePropagation propagation;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    public CdcRoutes(ChangePropagation propagation, DeadLetters deadLetters, MeterRegistry meters) {
        this.propagation = propagation;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(this::deadLetter);

        from(ENDPOINT).routeId("cdc-apply")
                .process(this::apply);

        from(BATCH_ENDPOINT).routeId("cdc-apply-batch")
                .doTry()
                    .process(this::applyBatch)
                .doCatch(Exception.class)
                    // the reason may quote a record (names, emails): it is logged with the dead letter, not here
                    .log(LoggingLevel.DEBUG, "CDC batch rolled back (${exception.class.simpleName}), applied change by change")
                    .split(body()).to(ENDPOINT).end()
                .end();
    }

    private void apply(Exchange exchange) {
        IslandChange change = exchange.getMessage().getBody(IslandChange.class);
        readable(change);
        measure(change, propagation.apply(change));
    }

    @SuppressWarnings("unchecked")
    private void applyBatch(Exchange exchange) {
        List<IslandChange> changes = exchange.getMessage().getBody(List.class);
        changes.forEach(CdcRoutes::readable);
        List<ChangePropagation.Outcome> outcomes = propagation.applyAll(changes, this::deadLetter);
        for (int i = 0; i < changes.size(); i++) {
            measure(changes.get(i), outcomes.get(i));
        }
    }

    private static void readable(IslandChange change) {
        if (change.operation() == '?') {
            throw new UndecodableChangeException("not a change event the hub can read");
        }
    }

    private void measure(IslandChange change, ChangePropagation.Outcome outcome) {
        Counter.builder("hub.cdc.changes").tag("island", change.island().name()).tag("outcome", outcome.name())
                .register(meters).increment();
        if (!change.isSnapshot()) {
            Timer.builder("hub.cdc.lag").description("commit in the island until applied in the hub")
                    .tag("island", change.island().name()).publishPercentiles(0.5, 0.99)
                    .register(meters).record(Duration.between(change.committedAt(), Instant.now()));
        }
    }

    private void deadLetter(Exchange exchange) {
        deadLetter(exchange.getMessage().getBody(IslandChange.class), exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    private void deadLetter(IslandChange change, Throwable cause) {
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        deadLetters.record(change, reason);
        Counter.builder("hub.cdc.dead.letters").tag("island", change.island().name()).register(meters).increment();
        if (cause instanceof ConflictingChangeException conflict) {
            conflict.restored().forEach(owners -> Counter.builder("hub.cdc.conflicts.restored").description("owner's values put back on an island after its conflicting change")
                    .tag("island", change.island().name()).tag("kind", owners.kind().name()).register(meters).increment());
        }
        log.warn("CDC change from {} {} at {} dead-lettered: {}", change.island(), change.table(), change.position(), reason);
    }
}
