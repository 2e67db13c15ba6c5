package org.retailhub.routes.consistency;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.retailhub.domain.consistency.IslandChange;
import org.springframework.stereotype.Component;

/**
 * Error handling of the CDC routes, declared once: a change that fails on its own (the batch it came in was already
 * rolled back and is applied change by change) becomes a dead letter with the reason and its payload, and the stream
 * goes on. When the dead letter cannot be written either (the hub's database is down), the failure reaches the
 * capture engine, which does not commit the offset: the change is captured again.
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
                    .process(exchange -> routes.deadLetter(exchange.getMessage().getBody(IslandChange.class),
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
    }
}
