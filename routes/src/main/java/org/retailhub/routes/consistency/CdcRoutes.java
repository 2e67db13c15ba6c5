package org.retailhub.routes.consistency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.consistency.ChangePropagation;
import org.retailhub.domain.consistency.DeadLetters;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.UndecodableChangeException;
import org.springframework.stereotype.Component;

/**
 * Every captured island change, in commit order: applied to the golden records and propagated under field
 * ownership ({@link ChangePropagation}). A change that cannot be decoded or conflicts with ownership is stored as a
 * dead letter with the reason and the original payload; the stream goes on.
 * Metrics: {@code hub.cdc.lag} (commit in the island → applied in the hub, per island), {@code hub.cdc.changes}
 * (per island and outcome), {@code hub.cdc.dead.letters} (per island).
 */
@Component
public class CdcRoutes extends RouteBuilder {

    static final String ENDPOINT = "direct:island-change";

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
    }

    private void apply(Exchange exchange) {
        IslandChange change = exchange.getMessage().getBody(IslandChange.class);
        if (change.operation() == '?') {
            throw new UndecodableChangeException("not a change event the hub can read");
        }
        ChangePropagation.Outcome outcome = propagation.apply(change);
        Counter.builder("hub.cdc.changes").tag("island", change.island().name()).tag("outcome", outcome.name())
                .register(meters).increment();
        if (!change.isSnapshot()) {
            Timer.builder("hub.cdc.lag").description("commit in the island until applied in the hub")
                    .tag("island", change.island().name()).publishPercentiles(0.5, 0.99)
                    .register(meters).record(Duration.between(change.committedAt(), Instant.now()));
        }
    }

    private void deadLetter(Exchange exchange) {
        IslandChange change = exchange.getMessage().getBody(IslandChange.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        deadLetters.record(change, reason);
        Counter.builder("hub.cdc.dead.letters").tag("island", change.island().name()).register(meters).increment();
        log.warn("CDC change from {} {} at {} dead-lettered: {}", change.island(), change.table(), change.position(), reason);
    }
}
