package org.retailhub.connectors.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.retailhub.connectors.payment.ResilientJsonCalls;
import org.retailhub.domain.fulfilment.ErpUnavailableException;
import org.retailhub.domain.fulfilment.FulfilmentAnswer;
import org.retailhub.domain.fulfilment.FulfilmentRequests;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;

/** Sends paid orders to the ERP as outbound deliveries (plant = the order's store), lines with their reserved quantity. */
public class ErpDeliveryClient implements FulfilmentRequests {

    private final Supplier<URI> baseUrl;
    private final ResilientJsonCalls calls;

    public ErpDeliveryClient(Supplier<URI> baseUrl, ResilientJsonCalls calls) {
        this.baseUrl = baseUrl;
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
        try {
            JsonNode answer = calls.call("POST", baseUrl.get().resolve("/erp/deliveries"), delivery, idempotencyKey);
            return new FulfilmentAnswer("ACCEPTED".equals(answer.path("status").asText()), answer.path("deliveryId").asText(null),
                    answer.path("reason").asText(null));
        } catch (PaymentProviderUnavailableException e) {
            throw new ErpUnavailableException(e.getMessage(), e);
        }
    }
}
