package org.retailhub.routes.replenishment;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.replenishment.ErpIdocInbound;
import org.retailhub.domain.replenishment.PurchaseOrder;
import org.retailhub.legacy.erp.ErpPurchaseOrderIdoc;
import org.springframework.stereotype.Component;

/**
 * Purchase orders to the ERP in its own format: the order becomes an {@code ORDERS05} IDoc (a cancellation of what is
 * still open an {@code ORDCHG}), goes to the ERP's IDoc inbound under the order's number as reference (so the ERP
 * makes one order per number however often it is sent), and the ERP's {@code ALEAUD} status comes back as the answer.
 * Failures are not handled here: they reach the process step, which the engine retries.
 */
@Component
public class PurchaseOrderRoutes extends RouteBuilder {

    static final String PLACE = "direct:erp-purchase-order";
    static final String CANCEL = "direct:erp-purchase-order-cancellation";
    private static final String REFERENCE = "idocReference";

    private final ErpPurchaseOrderIdoc idoc;
    private final ErpIdocInbound inbound;

    public PurchaseOrderRoutes(KeyCrossReference keys, ErpIdocInbound inbound) {
        this.idoc = new ErpPurchaseOrderIdoc(keys);
        this.inbound = inbound;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());

        from(PLACE).routeId("erp-purchase-orders")
                .process(exchange -> {
                    PurchaseOrder order = exchange.getMessage().getBody(PurchaseOrder.class);
                    exchange.setProperty(REFERENCE, order.poId());
                    exchange.getMessage().setBody(idoc.orders(order));
                })
                .process(this::deliver);

        from(CANCEL).routeId("erp-purchase-order-cancellations")
                .process(exchange -> {
                    PurchaseOrder order = exchange.getMessage().getBody(PurchaseOrder.class);
                    exchange.setProperty(REFERENCE, order.poId() + "/cancel-open");
                    exchange.getMessage().setBody(idoc.cancellation(order));
                })
                .process(this::deliver);
    }

    private void deliver(Exchange exchange) {
        byte[] status = inbound.deliver(exchange.getMessage().getBody(byte[].class), exchange.getProperty(REFERENCE, String.class));
        exchange.getMessage().setBody(ErpPurchaseOrderIdoc.answer(status));
    }
}
