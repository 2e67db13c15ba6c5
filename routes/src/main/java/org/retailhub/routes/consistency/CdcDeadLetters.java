package org.retailhub.routes.consistency;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.shared.DatabaseUnreachable;
import org.springframework.stereotype.Component;

/**
 * Error handling of the CDC routes, declared once: a change that fails on its own (the batch it came in was already
 * rolled back and is applied change by change) becomes a dead letter with the reason and its payload, and the stream
 * goes on. When a database did not answer, or the dead letter cannot be written either (the hub's database is down), the
 * failure reaches the capture engine, which does not commit the offset: the change is captured again.
 */
@Component
public class CdcDeadLetters extends RouteConfigurationBuilder {

    public static final String ID = "cdc";

    private final CdcRoutes routes;

    public CdcDeadLetters(CdcRoutes routes) {
        this.routes = routes;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                    .handled(true)
                    .process(exchange -> deadLetterUnlessUnreachable(exchange.getMessage().getBody(IslandChange.class),
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
    }

    /**
     * A change that failed because a database did not answer (the hub's, or the island written to) is no dead letter:
     * the failure goes back to the capture engine, which does not commit the offset, and the change comes again. A
     * database crash in the middle of a change once dead-lettered an ERP price ("JDBC rollback failed") for good.
     */
    private void deadLetterUnlessUnreachable(IslandChange change, Throwable cause) {
        if (DatabaseUnreachable.isCause(cause)) {
            String which = change == null ? "batch" : change.island() + " " + change.table() + " at " + change.position();
            throw new IllegalStateException("CDC change " + which + " not applied, a database does not answer; it is captured again", cause);
        }
        routes.deadLetter(change, cause);
    }
}
