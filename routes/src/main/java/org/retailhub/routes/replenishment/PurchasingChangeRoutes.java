package org.retailhub.routes.replenishment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.consistency.DeadLetters;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.UndecodableChangeException;
import org.retailhub.domain.replenishment.InvalidGoodsReceiptException;
import org.retailhub.domain.replenishment.PurchaseOrderBook;
import org.retailhub.domain.replenishment.PurchaseOrderUpdates;
import org.retailhub.legacy.erp.ErpPurchasingChange;
import org.springframework.stereotype.Component;

/**
 * The ERP's purchasing changes, captured by CDC: a goods receipt ({@code ekbe}) or an item the ERP cancelled
 * ({@code ekpo}) is booked against the hub's purchase order once, then the order's process is woken. A change that
 * cannot be booked (a malformed receipt, an item the order does not have) becomes a CDC dead letter with the reason
 * and the original change; the order stays open and the stream goes on. Changes of orders the hub did not place are
 * passed over. A failure of the hub itself (its database) is no verdict on the change: it reaches the capture engine,
 * which delivers the batch again (booking is idempotent). Metric: {@code hub.replenishment.erp.changes} per outcome.
 */
@Component
public class PurchasingChangeRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:erp-purchasing-changes";

    private final PurchaseOrderBook book;
    private final PurchaseOrderUpdates updates;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    public PurchasingChangeRoutes(PurchaseOrderBook book, PurchaseOrderUpdates updates, DeadLetters deadLetters, MeterRegistry meters) {
        this.book = book;
        this.updates = updates;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    /** Whether a captured change is one of the ERP's purchasing changes this route books. */
    public static boolean concerns(IslandChange change) {
        return ErpPurchasingChange.concerns(change);
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("erp-purchasing-changes")
                .split(body())
                    .process(this::book)
                .end();
    }

    private void book(Exchange exchange) {
        IslandChange change = exchange.getMessage().getBody(IslandChange.class);
        String outcome;
        try {
            Optional<String> order = ErpPurchasingChange.receipt(change).flatMap(book::receive)
                    .or(() -> ErpPurchasingChange.cancellation(change).flatMap(c -> book.cancelItem(c.erpNumber(), c.item())));
            order.ifPresent(updates::updated);
            outcome = order.isPresent() ? "BOOKED" : "IGNORED";
        } catch (InvalidGoodsReceiptException | UndecodableChangeException refused) {
            String reason = refused.getClass().getSimpleName() + ": " + refused.getMessage();
            deadLetters.record(change, reason);
            log.warn("ERP purchasing change {} at {} dead-lettered: {}", change.table(), change.position(), reason);
            outcome = "DEAD_LETTER";
        }
        Counter.builder("hub.replenishment.erp.changes").tag("outcome", outcome).register(meters).increment();
    }

    /** The ERP purchasing changes of a captured batch, in commit order. */
    public static List<IslandChange> of(List<IslandChange> changes) {
        return changes.stream().filter(PurchasingChangeRoutes::concerns).toList();
    }
}
