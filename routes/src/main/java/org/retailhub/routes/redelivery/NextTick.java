package org.retailhub.routes.redelivery;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The error handling of a route that works off a queue on a timer (stock postings, hand-overs to the legacy ERP):
 * nothing to set aside, because the work stays queued; a round that fails as a whole (the hub's database down) is
 * logged, and the next tick tries again. Each family declares one, under its route configuration id.
 */
public abstract class NextTick extends RouteConfigurationBuilder {

    private final String id;
    private final String work;

    /** @param work what the round sends, for the log line ("Stock postings") */
    protected NextTick(String id, String work) {
        this.id = id;
        this.work = work;
    }

    @Override
    public void configuration() {
        routeConfiguration(id)
                .onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, work + " not sent this round, the next one tries again: ${exception.message}");
    }
}
