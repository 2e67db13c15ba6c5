package org.retailhub.routes.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.order.OrderLineRequest;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;

/**
 * The JSON the web shop, the app and the marketplace connectors put on their topics:
 * <pre>{"orderRef":"W-1001","store":"WEB-DC","customer":{"id":"C0000007","loyaltyTier":"GOLD"},
 *  "allowPartialDelivery":false,"payment":{"method":"CARD"},"couponCode":"WELCOME10","items":[{"sku":"SKU-0001","qty":2}]}</pre>
 * The coupon code and the customer's id (golden id or CRM number, for customer insight) are optional. Customer fields beyond the
 * id and the loyalty tier are ignored: the hub does not need them to fulfil an order. Read strictly:
 * a field given twice, a value of the wrong JSON type (a quoted or fractional quantity, a number for a code) or a null
 * item is refused with its path, never guessed. A UTF-8 byte order mark is skipped.
 */
public final class WebOrderFormat {

    private static final int MAX_BYTES = 256 * 1024;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WebOrder(String orderRef, String store, Customer customer, Boolean allowPartialDelivery, Payment payment, String couponCode,
                    List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(String id, LoyaltyTier loyaltyTier) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(PaymentMethod method, String giftCardNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String sku, Integer qty) {
    }

    private final ObjectReader reader;

    @SuppressWarnings("deprecation") // MapperFeature on a copy: the shared mapper stays as Spring Boot made it
    public WebOrderFormat(ObjectMapper json) {
        ObjectMapper strict = json.copy()
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        this.reader = strict.readerFor(WebOrder.class).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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
            order = reader.readValue(message);
        } catch (JsonProcessingException e) {
            throw new InvalidOrderException(null, channel + " order message is not valid order JSON" + at(e) + ": " + problem(e));
        } catch (IOException e) {
            throw new InvalidOrderException(null, channel + " order message cannot be read: " + e.getMessage());
        }
        if (order == null) {
            throw new InvalidOrderException(null, channel + " order message is JSON null");
        }
        List<OrderLineRequest> lines = new ArrayList<>();
        List<Item> items = order.items() == null ? List.of() : order.items();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item == null) {
                throw new InvalidOrderException(order.orderRef(), channel + " order message: items[" + i + "] is null");
            }
            lines.add(new OrderLineRequest(item.sku(), item.qty() == null ? 0 : item.qty()));
        }
        return new OrderRequest(channel, order.orderRef(), order.store(),
                order.customer() == null ? null : order.customer().loyaltyTier(),
                Boolean.TRUE.equals(order.allowPartialDelivery()), order.payment() == null ? null : order.payment().method(),
                order.payment() == null ? null : order.payment().giftCardNumber(), lines, order.couponCode(),
                order.customer() == null ? null : order.customer().id());
    }

    /**
     * What is wrong there, in the sender's terms (JSON types, the accepted codes), never the hub's Java types: the
     * reason is shown to operators and integrators in the dead-letter desk.
     */
    private static String problem(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + expected(mismatch.getTargetType());
        }
        return e.getOriginalMessage().replaceAll("\\s*\\(class [\\w.$]+\\)", "").replaceAll("`[\\w.$<>, \\[\\]]+`", "a value");
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    /** Where in the message Jackson stopped, as {@code items[0].qty}. */
    private static String at(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        String path = mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return " at " + (path.startsWith(".") ? path.substring(1) : path);
    }
}
