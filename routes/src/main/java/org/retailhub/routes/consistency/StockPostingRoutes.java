package org.retailhub.routes.consistency;

import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.consistency.StockPostings;
import org.springframework.stereotype.Component;

/**
 * Every {@code hub.consistency.stock-posting-interval}, the stock movements the order flow queued (committed order
 * lines, returns) go to the stock's owner island as goods movements ({@link StockPostings}), up to
 * {@code hub.consistency.stock-posting-batch} at a time.
 */
@Component
public class StockPostingRoutes extends RouteBuilder {

    private final ConsistencyProperties properties;
    private final StockPostings postings;

    public StockPostingRoutes(ConsistencyProperties properties, StockPostings postings) {
        this.properties = properties;
        this.postings = postings;
    }

    @Override
    public void configure() {
        from("timer:stock-postings?delay=1000&period=" + properties.stockPostingInterval().toMillis()).routeId("stock-postings")
                .process(exchange -> exchange.getMessage().setBody(postings.postDue(properties.stockPostingBatch())));
    }
}
