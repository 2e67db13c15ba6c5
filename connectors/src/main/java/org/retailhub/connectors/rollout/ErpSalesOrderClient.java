package org.retailhub.connectors.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.order.LegacyOrders;
import org.retailhub.domain.order.Order;

/**
 * Books the orders of stores on the legacy path at the ERP's sales-order intake ({@code POST /erp/sales-orders}), as the
 * retailer's channels did before the hub: plant = the order's store, lines as ordered, no prices (the ERP prices its
 * own sales orders). Through the ERP's {@link PartyClient} ({@code hub.erp.*}: time-outs, retries with the same key,
 * circuit breaker).
 */
public class ErpSalesOrderClient implements LegacyOrders {

    private final PartyClient erp;

    public ErpSalesOrderClient(PartyClient erp) {
        this.erp = erp;
    }

    @Override
    public String book(Order order, GiftCardToken giftCard, String idempotencyKey) {
        Map<String, Object> salesOrder = new LinkedHashMap<>();
        salesOrder.put("channel", order.channel().name());
        salesOrder.put("externalId", order.externalId());
        salesOrder.put("plant", order.storeId());
        salesOrder.put("paymentMethod", order.paymentMethod().name());
        salesOrder.put("loyaltyTier", order.loyaltyTier().name());
        if (giftCard != null) {
            salesOrder.put("giftCardToken", giftCard.token());
        }
        List<Map<String, Object>> lines = order.lines().stream()
                .map(l -> Map.<String, Object>of("item", l.lineNo(), "material", l.sku(), "quantity", l.quantity()))
                .toList();
        salesOrder.put("lines", lines);
        JsonNode answer = erp.call("POST", "/erp/sales-orders", salesOrder, idempotencyKey);
        String number = answer.path("salesOrder").asText("");
        if (!"BOOKED".equals(answer.path("status").asText()) || number.isBlank()) {
            throw new IllegalStateException("the ERP did not book order " + idempotencyKey + ": " + answer.path("status").asText());
        }
        return number;
    }
}
