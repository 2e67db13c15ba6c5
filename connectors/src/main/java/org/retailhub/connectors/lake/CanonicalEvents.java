package org.retailhub.connectors.lake;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.retailhub.connectors.lake.LakeSchema.Column;

/**
 * The event types the lake keeps today: order status changes ({@code orders.events}, {@code OrderEvent}), payment
 * status changes ({@code payments.events}, {@code PaymentEvent}), movements of untagged stock ({@code stock.movements},
 * {@code StockMovement}), consenting customers' behaviour ({@code behaviour.accepted}, {@code Interaction}) and the
 * EPCIS events of tagged goods ({@code rfid.epcis}: receipts, moves to the sales floor, counts, sales and exits). Only
 * the listed fields are copied: nothing personal but the customer's pseudonym reaches the lake.
 */
final class CanonicalEvents {

    /** Order status changes, schema v1. Orders name no customer yet; {@code customerId} is taken once they do. */
    static final LakeEventType ORDER = new JsonEventType(new LakeSchema("order", 1, List.of(
            new Column("event", "VARCHAR", "what happened, e.g. OrderPaid"),
            new Column("order_id", "VARCHAR", "the hub's order id"),
            new Column("channel", "VARCHAR", "WEB, APP, MARKETPLACE, POS"),
            new Column("order_number", "VARCHAR", "the order number given at confirmation"),
            new Column("status", "VARCHAR", "the order's status after the event"),
            new Column("total", "DECIMAL(14,2)", "the order's total, once priced"),
            new Column("currency", "VARCHAR", "ISO 4217 code of the total"))),
            "occurredAt", "customerId", "type", "orderId", "channel", "orderNumber", "status", "total", "currency");

    /** Payment status changes, schema v1: no card data, and no customer (the order id leads to the order). */
    static final LakeEventType PAYMENT = new JsonEventType(new LakeSchema("payment", 1, List.of(
            new Column("event", "VARCHAR", "what happened, e.g. PaymentCaptured"),
            new Column("payment_id", "VARCHAR", "the hub's payment id, the reference the provider knows"),
            new Column("order_id", "VARCHAR", "the order it pays"),
            new Column("method", "VARCHAR", "CARD, WALLET, GIFT_CARD, SPLIT, PAY_IN_STORE"),
            new Column("amount", "DECIMAL(14,2)", "the payment's amount"),
            new Column("currency", "VARCHAR", "ISO 4217 code of the amount"),
            new Column("status", "VARCHAR", "the payment's status after the event: PENDING, AUTHORISED, DECLINED, CAPTURED, VOIDED, REFUNDED"),
            new Column("reason", "VARCHAR", "the provider's or the hub's reason when it gave one, e.g. why it declined"))),
            "occurredAt", "customerId", "type", "paymentId", "orderId", "method", "amount", "currency", "status", "reason");

    /** Movements of untagged stock queued for the stock's owner, and goods receipts the owner reported; schema v1. They name no customer. */
    static final LakeEventType STOCK_MOVEMENT = new JsonEventType(new LakeSchema("stock_movement", 1, List.of(
            new Column("reference", "VARCHAR", "the movement's reference, unique: <order>/<line>/issue or /return, a till receipt line, count/<count>/<sku>, receipt/<ERP document>/<item>"),
            new Column("store_id", "VARCHAR", "the store whose stock moved"),
            new Column("sku", "VARCHAR", "the article"),
            new Column("quantity", "INTEGER", "the change of the store's stock in pieces: negative when pieces left, positive when they came back, arrived or a count found more"),
            new Column("kind", "VARCHAR", "ORDER_ISSUE, ORDER_RETURN, TILL_SALE, COUNT_CORRECTION, GOODS_RECEIPT"))),
            "occurredAt", "customerId", "reference", "storeId", "sku", "quantity", "kind");

    /** Behaviour of consenting customers, schema v1. */
    static final LakeEventType BEHAVIOUR = new JsonEventType(new LakeSchema("behaviour", 1, List.of(
            new Column("sku", "VARCHAR", "the article"),
            new Column("category", "VARCHAR", "the article's category in the hub's catalogue"),
            new Column("kind", "VARCHAR", "VIEW, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE"),
            new Column("store_id", "VARCHAR", "the customer's store, if the channel knew it"),
            new Column("quantity", "INTEGER", "pieces"),
            new Column("value", "DECIMAL(14,2)", "what a purchase was worth at list price, zero otherwise"))),
            "occurredAt", "customerId", "sku", "category", "kind", "storeId", "quantity", "value");

    /**
     * EPCIS 2.0 events (JSON-LD, as the hub writes and captures them), schema v1: where tagged goods were seen and
     * why. They name no customer.
     */
    static final LakeEventType EPCIS = new EpcisEventType(new LakeSchema("epcis", 1, List.of(
            new Column("event_id", "VARCHAR", "the event's eventID, unique per event"),
            new Column("event_type", "VARCHAR", "ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent"),
            new Column("action", "VARCHAR", "ADD, OBSERVE or DELETE"),
            new Column("biz_step", "VARCHAR", "the CBV business step, e.g. receiving, cycle_counting, retail_selling"),
            new Column("disposition", "VARCHAR", "the CBV disposition after the event, e.g. sellable_accessible"),
            new Column("read_point", "VARCHAR", "where the tags were read: the zone's SGLN URI"),
            new Column("biz_location", "VARCHAR", "where the goods are afterwards: the store's SGLN URI; null at a door (leaving)"),
            new Column("epc_count", "INTEGER", "how many EPCs the event names"),
            new Column("epcs", "VARCHAR[]", "the EPC URIs (epcList, then childEPCs); unnest(epcs) gives one row per item"))));

    private CanonicalEvents() {
    }

    /** EPCIS events: nested members ({@code readPoint.id}) and the lists of EPCs. */
    private record EpcisEventType(LakeSchema schema) implements LakeEventType {

        @Override
        public LakeRow row(JsonNode event) {
            if (!event.path("eventTime").isTextual() || !event.path("type").isTextual()) {
                throw new IllegalArgumentException("an EPCIS event needs its type and eventTime");
            }
            List<String> epcs = new ArrayList<>();
            event.path("epcList").forEach(epc -> epcs.add(epc.asText()));
            event.path("childEPCs").forEach(epc -> epcs.add(epc.asText()));
            return new LakeRow(Instant.parse(event.path("eventTime").asText()), null, Arrays.asList(
                    text(event.path("eventID")), event.path("type").asText(), text(event.path("action")),
                    text(event.path("bizStep")), text(event.path("disposition")), text(event.at("/readPoint/id")),
                    text(event.at("/bizLocation/id")), epcs.size(), List.copyOf(epcs)));
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** A type whose messages are flat JSON objects: the time, the customer, then one field per own column. */
    private record JsonEventType(LakeSchema schema, String timeField, String customerField, List<String> fields) implements LakeEventType {

        JsonEventType(LakeSchema schema, String timeField, String customerField, String... fields) {
            this(schema, timeField, customerField, Arrays.asList(fields));
        }

        @Override
        public LakeRow row(JsonNode message) {
            Instant occurredAt = instant(message.path(timeField));
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(message.path(fields.get(i)), schema.columns().get(i));
            }
            return new LakeRow(occurredAt, text(message.path(customerField)), Arrays.asList(values));
        }

        /** ISO-8601 text, or seconds since the epoch (Jackson's form when dates are written as numbers). */
        private Instant instant(JsonNode time) {
            if (time.isTextual()) {
                return Instant.parse(time.asText());
            }
            if (time.isNumber()) {
                BigDecimal seconds = time.decimalValue();
                return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            throw new IllegalArgumentException(schema.type() + " event without " + timeField);
        }

        private static Object value(JsonNode node, Column column) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            return switch (column.sqlType()) {
                case "INTEGER" -> node.asInt();
                case "DECIMAL(14,2)" -> node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
                default -> node.asText();
            };
        }
    }
}
