package org.retailhub.domain.order;

import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.pricing.AppliedPromotion;
import org.retailhub.domain.shared.Money;
import org.retailhub.domain.pricing.PricedLine;
import org.retailhub.domain.rollout.StorePath;
import org.springframework.jdbc.core.JdbcTemplate;

/** Orders, their lines, prices, promotions and history in the hub's schema. All SQL is parameterised. */
public class OrderRepository {

    private static final String HEADER_COLUMNS = "id, channel, external_id, order_number, status, status_reason, total, currency";

    private final JdbcTemplate jdbc;

    public OrderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new order in its first status ({@code RECEIVED}, or {@code FORWARDED_TO_LEGACY} on the legacy path)
     * unless (channel, externalId) is already known.
     *
     * @return true if this call created the order
     */
    public boolean insertIfAbsent(UUID id, OrderRequest request, GiftCardToken giftCard, String currency, OrderStatus first) {
        int inserted = jdbc.update("""
                insert into hub.customer_order (id, channel, external_id, store_id, loyalty_tier, allow_partial, payment_method,
                                                gift_card_token, gift_card_last4, status, currency, coupon_code, customer_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (select c.customer_id from hub.customer c where c.erased_at is null
                        and (c.customer_id = ? or c.customer_id = (select x.hub_key from hub.key_xref x
                             where x.kind = 'CUSTOMER' and x.island = 'CRM' and x.native_key = ?))))
                on conflict (channel, external_id) do nothing""",
                id, request.channel().name(), request.externalId(), request.storeId(), request.loyaltyTier().name(),
                request.allowPartial(), request.paymentMethod().name(), giftCard == null ? null : giftCard.token(),
                giftCard == null ? null : giftCard.lastFour(), first.name(), currency, request.couponCode(),
                request.customer(), request.customer());
        if (inserted == 0) {
            return false;
        }
        // one batch: the driver sends it as a single multi-row insert (reWriteBatchedInserts)
        List<Object[]> lines = new ArrayList<>(request.lines().size());
        for (OrderLineRequest line : request.lines()) {
            lines.add(new Object[] {id, lines.size() + 1, line.sku(), line.quantity()});
        }
        jdbc.batchUpdate("insert into hub.order_line (order_id, line_no, sku, quantity) values (?, ?, ?, ?)", lines);
        jdbc.update("insert into hub.order_history (order_id, status) values (?, ?)", id, first.name());
        return true;
    }

    /** The order (channel, externalId) already created, with the path it took, if any. */
    public Optional<AcceptedOrder> findAccepted(Channel channel, String externalId) {
        return jdbc.query("select id, status from hub.customer_order where channel = ? and external_id = ?",
                (rs, i) -> new AcceptedOrder(rs.getObject(1, UUID.class), false,
                        OrderStatus.FORWARDED_TO_LEGACY.name().equals(rs.getString(2)) ? StorePath.LEGACY : StorePath.HUB),
                channel.name(), externalId).stream().findFirst();
    }

    public Optional<Order> find(UUID id) {
        List<Order> found = jdbc.query("select * from hub.customer_order where id = ?", (rs, i) -> order(rs), id);
        return found.stream().findFirst();
    }

    /**
     * The order and its lines in one statement, with no promotions and no history (both lists empty): what the
     * process's steps read, several times per order, where {@link #get} would take four statements each time.
     */
    public Order withLinesOnly(UUID id) {
        List<Order> found = jdbc.query("""
                select o.*, l.line_no, l.sku, l.quantity, l.reserved_quantity, l.unit_price, l.discount, l.line_total
                  from hub.customer_order o left join hub.order_line l on l.order_id = o.id
                 where o.id = ? order by l.line_no""", rs -> {
            Order order = null;
            List<OrderLine> lines = new ArrayList<>();
            while (rs.next()) {
                if (order == null) { // the first row carries the order's columns; every row one of its lines
                    order = order(rs, Collections.unmodifiableList(lines), List.of(), List.of());
                }
                if (rs.getObject("line_no") != null) {
                    lines.add(line(rs, Currency.getInstance(rs.getString("currency"))));
                }
            }
            return order == null ? List.<Order>of() : List.of(order);
        }, id);
        return found.stream().findFirst().orElseThrow(() -> new OrderNotFoundException(id));
    }

    /** One row, no lines or history: for the journal, which writes an event on every status change. */
    public OrderHeader header(UUID id) {
        List<OrderHeader> found = jdbc.query("select " + HEADER_COLUMNS + " from hub.customer_order where id = ?",
                (rs, i) -> header(id, rs), id);
        return found.stream().findFirst().orElseThrow(() -> new OrderNotFoundException(id));
    }

    private static OrderHeader header(UUID id, ResultSet rs) throws SQLException {
        return new OrderHeader(id, Channel.valueOf(rs.getString("channel")), rs.getString("external_id"),
                rs.getString("order_number"), OrderStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                money(rs.getBigDecimal("total"), Currency.getInstance(rs.getString("currency"))));
    }

    public Order get(UUID id) {
        return find(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    /**
     * Sets the status if the order may move there from where it is ({@link OrderStatus#allowedSources()}) and records
     * it in the history.
     *
     * @return the order's header as it is now, read by the update itself; empty when it may not move there
     */
    public Optional<OrderHeader> updateStatus(UUID id, OrderStatus status, String reason) {
        String[] sources = status.allowedSources().stream().map(Enum::name).toArray(String[]::new);
        List<OrderHeader> moved = jdbc.query("""
                update hub.customer_order set status = ?, status_reason = ?, updated_at = now()
                 where id = ? and status = any(?)
                """ + "returning " + HEADER_COLUMNS,
                (rs, i) -> header(id, rs), status.name(), reason, id, sources);
        if (!moved.isEmpty()) {
            jdbc.update("insert into hub.order_history (order_id, status, reason) values (?, ?, ?)", id, status.name(), reason);
        }
        return moved.stream().findFirst();
    }

    /**
     * Gives the order its customer-facing number once; later calls return the same number (coalesce evaluates
     * {@code nextval} only when the order has none, so a repeated call uses up no number).
     */
    public String assignOrderNumber(UUID id) {
        List<String> number = jdbc.queryForList("""
                update hub.customer_order
                   set order_number = coalesce(order_number, 'RH-' || lpad(nextval('hub.order_number_seq')::text, 8, '0'))
                 where id = ? returning order_number""", String.class, id);
        return number.stream().findFirst().orElseThrow(() -> new OrderNotFoundException(id));
    }

    /** The gift card the order pays with, or null; kept out of {@link Order} so it never reaches a view or a log. */
    public GiftCardToken giftCard(UUID id) {
        return jdbc.queryForObject("select gift_card_token, gift_card_last4 from hub.customer_order where id = ?",
                (rs, i) -> rs.getString(1) == null ? null : new GiftCardToken(rs.getString(1), rs.getString(2)), id);
    }

    /** The coupon code the customer entered with the order, or null. */
    public String couponCode(UUID id) {
        return jdbc.queryForObject("select coupon_code from hub.customer_order where id = ?", String.class, id);
    }

    public void recordDelivery(UUID id, String deliveryId) {
        jdbc.update("update hub.customer_order set delivery_id = ?, updated_at = now() where id = ?", deliveryId, id);
    }

    public void recordReservedQuantity(UUID id, int lineNo, int reserved) {
        jdbc.update("update hub.order_line set reserved_quantity = ? where order_id = ? and line_no = ?", reserved, id, lineNo);
    }

    /** Stores the lines' prices, their promotions and the order's total; the lines and the promotions each travel as one batch. */
    public void savePricing(UUID id, List<PricedLine> lines, Money total) {
        jdbc.update("delete from hub.order_promotion where order_id = ?", id);
        jdbc.batchUpdate("update hub.order_line set unit_price = ?, discount = ?, line_total = ? where order_id = ? and line_no = ?",
                lines.stream().map(line -> new Object[] {line.unitPrice().amount(), line.discount().amount(), line.total().amount(),
                        id, line.lineNo()}).toList());
        List<Object[]> promotions = lines.stream().flatMap(line -> line.promotions().stream())
                .map(p -> new Object[] {id, p.lineNo(), p.code(), p.discountPercent(), p.amount().amount()}).toList();
        if (!promotions.isEmpty()) {
            jdbc.batchUpdate("insert into hub.order_promotion (order_id, line_no, code, discount_percent, amount) values (?, ?, ?, ?, ?)",
                    promotions);
        }
        jdbc.update("update hub.customer_order set total = ?, updated_at = now() where id = ?", total.amount(), id);
    }


    private Order order(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Currency currency = Currency.getInstance(rs.getString("currency"));
        List<OrderLine> lines = jdbc.query("select * from hub.order_line where order_id = ? order by line_no",
                (l, i) -> line(l, currency), id);
        List<AppliedPromotion> promotions = jdbc.query(
                "select * from hub.order_promotion where order_id = ? order by line_no, id",
                (p, i) -> new AppliedPromotion(p.getInt("line_no"), p.getString("code"), p.getInt("discount_percent"),
                        money(p.getBigDecimal("amount"), currency)),
                id);
        List<StatusChange> history = jdbc.query("select * from hub.order_history where order_id = ? order by id",
                (h, i) -> new StatusChange(OrderStatus.valueOf(h.getString("status")), h.getString("reason"),
                        h.getTimestamp("at").toInstant()),
                id);
        return order(rs, lines, promotions, history);
    }

    /** The order from its row ({@code hub.customer_order}'s columns) and what was read beside it. */
    private static Order order(ResultSet rs, List<OrderLine> lines, List<AppliedPromotion> promotions, List<StatusChange> history)
            throws SQLException {
        Timestamp received = rs.getTimestamp("received_at");
        return new Order(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")), rs.getString("external_id"),
                rs.getString("store_id"), LoyaltyTier.valueOf(rs.getString("loyalty_tier")), rs.getBoolean("allow_partial"),
                PaymentMethod.valueOf(rs.getString("payment_method")),
                OrderStatus.valueOf(rs.getString("status")), rs.getString("order_number"), rs.getString("status_reason"),
                money(rs.getBigDecimal("total"), Currency.getInstance(rs.getString("currency"))), lines, promotions, history,
                received == null ? Instant.EPOCH : received.toInstant());
    }

    /** A line from {@code hub.order_line}'s columns, by their names. */
    private static OrderLine line(ResultSet l, Currency currency) throws SQLException {
        return new OrderLine(l.getInt("line_no"), l.getString("sku"), l.getInt("quantity"),
                (Integer) l.getObject("reserved_quantity"), money(l.getBigDecimal("unit_price"), currency),
                money(l.getBigDecimal("discount"), currency), money(l.getBigDecimal("line_total"), currency));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
