package org.retailhub.routes.consistency;

import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.consistency.StockPostings;
import org.retailhub.routes.redelivery.NextTick;
import org.springframework.stereotype.Component;

/**
 * Every {@code hub.consistency.stock-posting-interval}, the stock movements the order flow queued (committed order
 * lines, returns) go to the stock's owner island as goods movements ({@link StockPostings}), up to
 * {@code hub.consistency.stock-posting-batch} at a time. A round that fails as a whole (the hub's database down) is
 * logged and the next tick tries again: the movements stay queued.
 */
@Component
public class StockPostingRoutes extends RouteBuilder {

    public static final String ID = "stock-postings";

    private final ConsistencyProperties properties;
    private final StockPostings postings;

    public StockPostingRoutes(ConsistencyProperties properties, StockPostings postings) {
        this.properties = properties;
        this.postings = postings;
    }

    /** The family's error handling: nothing to set aside, a failed round is simply the next tick's work. */
    @Component
    static class NextRound extends NextTick {
        NextRound() {
            super(ID, "Stock postings");
        }
    }

    @Override
    public void configure() {
        from("timer:stock-postings?delay=1000&period=" + properties.stockPostingInterval().toMillis())
                .routeId("stock-postings").routeConfigurationId(ID)
                .process(exchange -> exchange.getMessage().setBody(postings.postDue(properties.stockPostingBatch())));
    }
}
