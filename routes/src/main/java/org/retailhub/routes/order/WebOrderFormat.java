package org.retailhub.routes.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.order.OrderLineRequest;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.domain.order.PaymentMethod;

/**
 * The JSON the web shop, the app and the marketplace connectors put on their topics:
 * <pre>{"orderRef":"W-1001","store":"WEB-DC","customer":{"loyaltyTier":"GOLD"},
 *  "allowPartialDelivery":false,"payment":{"method":"CARD"},"items":[{"sku":"SKU-0001","qty":2}]}</pre>
 * Customer fields beyond the loyalty tier are ignored: the hub does not need them to fulfil an order.
 */
public final class WebOrderFormat {

    private static final int MAX_BYTES = 256 * 1024;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WebOrder(String orderRef, String store, Customer customer, Boolean allowPartialDelivery, Payment payment, List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(LoyaltyTier loyaltyTier) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(PaymentMethod method, String giftCardNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String sku, Integer qty) {
    }

    private final ObjectMapper json;

    public WebOrderFormat(ObjectMapper json) {
        this.json = json;
    }

    public OrderRequest parse(byte[] message, Channel channel) {
        if (message == null || message.length == 0) {
            throw new InvalidOrderException(null, "empty " + channel + " order message");
        }
        if (message.length > MAX_BYTES) {
            throw new InvalidOrderException(null, channel + " order message larger than " + MAX_BYTES + " bytes");
        }
        WebOrder order;
        try {
            order = json.readValue(message, WebOrder.class);
        } catch (JsonProcessingException e) {
            throw new InvalidOrderException(null, channel + " order message is not valid order JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidOrderException(null, channel + " order message cannot be read: " + e.getMessage());
        }
        if (order == null) {
            throw new InvalidOrderException(null, channel + " order message is JSON null");
        }
        List<OrderLineRequest> lines = order.items() == null ? List.of() : order.items().stream()
                .map(i -> i == null ? null : new OrderLineRequest(i.sku(), i.qty() == null ? 0 : i.qty()))
                .toList();
        return new OrderRequest(channel, order.orderRef(), order.store(),
                order.customer() == null ? null : order.customer().loyaltyTier(),
                Boolean.TRUE.equals(order.allowPartialDelivery()), order.payment() == null ? null : order.payment().method(),
                order.payment() == null ? null : order.payment().giftCardNumber(), lines);
    }
}
