package org.retailhub.routes.consistency;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.retailhub.domain.consistency.DeadLetters;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.routes.redelivery.Refusals;
import org.springframework.stereotype.Component;

/**
 * Error handling of the island file routes, declared once: a line or document refused while it was read or by the
 * consistency rules ({@link RefusedInputException}: unknown key, a field another island owns) or by the hub's database
 * (a till sale that would break the stock check: {@link Refusals}) becomes a dead letter
 * (table {@code hub.cdc_dead_letter}: island, file name, line number, reason, the original text) and the file goes
 * on; anything else (database or island down) is tried again in place, then the file stays in the inbox and is read
 * again at the next poll (what it already applied is absorbed then).
 */
@Component
public class IslandFileDeadLetters extends RouteConfigurationBuilder {

    public static final String ID = "island-files";
    static final String ISLAND = "hubIsland";
    static final String RAW_TEXT = "hubRawText";
    static final String LINE_NUMBER = "hubLineNumber";

    private final ConsistencyProperties properties;
    private final DeadLetters deadLetters;

    public IslandFileDeadLetters(ConsistencyProperties properties, DeadLetters deadLetters) {
        this.properties = properties;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configuration() {
        Refusals.of(routeConfiguration(ID).errorHandler(properties.fileRetry().errorHandler()))
                    // continued, not handled: the file's split stops at a handled failure, and must go on past a refusal
                    // (each line or document is read and applied in one step, so routing continues with the next one)
                    .continued(true)
                    .process(this::deadLetter);
    }

    private void deadLetter(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Island island = exchange.getProperty(ISLAND, Island.HUB, Island.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        long line = exchange.getProperty(LINE_NUMBER, -1L, Long.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + Refusals.reason(cause);
        deadLetters.record(island, file, line, reason, exchange.getProperty(RAW_TEXT, String.class));
        log.warn("{} file {} line {}: dead-lettered: {}", island, file, line, reason);
    }
}
