package org.retailhub.connectors.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.fulfilment.FulfilmentAnswer;
import org.retailhub.domain.fulfilment.FulfilmentRequests;
import org.retailhub.domain.order.Order;

/**
 * Sends paid orders to the ERP as outbound deliveries (plant = the order's store), lines with their reserved quantity,
 * through the hub's {@link PartyClient} ({@code hub.erp.*}); an unreachable ERP is an
 * {@link org.retailhub.domain.fulfilment.ErpUnavailableException}.
 */
public class ErpDeliveryClient implements FulfilmentRequests {

    private final PartyClient calls;

    public ErpDeliveryClient(PartyClient calls) {
        this.calls = calls;
    }

    @Override
    public FulfilmentAnswer request(Order order, String idempotencyKey) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("orderNumber", order.orderNumber());
        delivery.put("plant", order.storeId());
        List<Map<String, Object>> lines = order.lines().stream()
                .filter(l -> l.reservedQuantity() != null && l.reservedQuantity() > 0)
                .map(l -> Map.<String, Object>of("material", l.sku(), "quantity", l.reservedQuantity()))
                .toList();
        delivery.put("lines", lines);
        JsonNode answer = calls.call("POST", "/erp/deliveries", delivery, idempotencyKey);
        return new FulfilmentAnswer("ACCEPTED".equals(answer.path("status").asText()), answer.path("deliveryId").asText(null),
                answer.path("reason").asText(null));
    }
}
