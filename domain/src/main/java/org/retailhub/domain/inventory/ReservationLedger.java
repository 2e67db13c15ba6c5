package org.retailhub.domain.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stock reservations per store and article. A reservation succeeds only through a single conditional
 * update ({@code on_hand - reserved >= quantity}) guarded by a check constraint, so concurrent orders can
 * never hold more than is on hand. Every operation is idempotent per order, so a retried job changes nothing twice.
 * Must be called inside a transaction.
 */
public class ReservationLedger {

    /** The order in which stock rows are locked by every operation of the ledger. */
    private static final Comparator<Settled> LOCK_ORDER = Comparator.comparing(Settled::storeId).thenComparing(Settled::sku);

    private final JdbcTemplate jdbc;
    private final StockMovements movements;

    public ReservationLedger(JdbcTemplate jdbc, StockMovements movements) {
        this.jdbc = jdbc;
        this.movements = movements;
    }

    /**
     * Reserves stock for the order's lines. Lines are taken in SKU order so two orders never wait on each
     * other's rows in opposite order. With {@code allowPartial} false, either every line is reserved or none.
     */
    public ReservationOutcome reserve(UUID orderId, String storeId, List<StockRequest> lines, boolean allowPartial) {
        List<StockRequest> reserved = new ArrayList<>();
        List<StockRequest> unavailable = new ArrayList<>();
        List<StockRequest> ordered = lines.stream().sorted(Comparator.comparing(StockRequest::sku)).toList();
        Set<Integer> held = heldLines(orderId);
        List<Object[]> taken = new ArrayList<>();
        for (StockRequest line : ordered) {
            if (held.contains(line.lineNo())) {
                reserved.add(line);
            } else if (take(storeId, line)) {
                taken.add(new Object[] {orderId, line.lineNo(), storeId, line.sku(), line.quantity()});
                reserved.add(line);
            } else {
                unavailable.add(line);
            }
        }
        // one batch, sent as a single multi-row insert (reWriteBatchedInserts)
        jdbc.batchUpdate("insert into hub.reservation (order_id, line_no, store_id, sku, quantity, state) values (?, ?, ?, ?, ?, 'HELD')",
                taken);
        if (!allowPartial && !unavailable.isEmpty() && !reserved.isEmpty()) {
            giveBack(orderId);
            return new ReservationOutcome(List.of(), lines);
        }
        return new ReservationOutcome(reserved, unavailable);
    }

    /** Gives back everything the order still holds. Returns the number of units released. */
    public int release(UUID orderId) {
        return settle(orderId, "RELEASED", "update hub.stock set reserved = reserved - ? where store_id = ? and sku = ?");
    }

    /**
     * Turns the order's held stock into a sale: it leaves on-hand, and a goods issue per line is queued for the stock's
     * owner (table {@code hub.stock_posting}, in this transaction, published by {@link StockMovements}). Returns the
     * number of units committed.
     *
     * @throws StockShortfallException when an island took pieces this order holds (a shortfall): nothing is committed
     */
    public int commit(UUID orderId) {
        refuseShortfall(orderId);
        int units = settle(orderId, "COMMITTED",
                "update hub.stock set reserved = reserved - ?, on_hand = on_hand - ? where store_id = ? and sku = ?");
        queuePostings(orderId, "COMMITTED", StockMovementKind.ORDER_ISSUE, "issue", 1);
        return units;
    }

    /** A held line whose pieces an island took away (on hand below it) cannot be committed: say so, not a constraint's name. */
    private void refuseShortfall(UUID orderId) {
        jdbc.query("""
                select r.store_id, r.sku, s.on_hand, s.reserved from hub.reservation r join hub.stock s using (store_id, sku)
                 where r.order_id = ? and r.state = 'HELD' and s.on_hand < r.quantity order by r.line_no limit 1""",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    throw new StockShortfallException(orderId, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4));
                }, orderId);
    }

    /** Puts stock committed for the order back on hand (its fulfilment failed), queueing the return. Returns the number of units. */
    public int returnCommitted(UUID orderId) {
        List<Settled> committed = settledRows("""
                update hub.reservation set state = 'RETURNED', settled_at = now()
                 where order_id = ? and state = 'COMMITTED'
                returning store_id, sku, quantity""", orderId);
        committed.forEach(c -> jdbc.update("update hub.stock set on_hand = on_hand + ? where store_id = ? and sku = ?",
                c.quantity(), c.storeId(), c.sku()));
        queuePostings(orderId, "RETURNED", StockMovementKind.ORDER_RETURN, "return", -1);
        return units(committed);
    }

    /** One posting per order line and movement, published; a retried job queues nothing twice. */
    private void queuePostings(UUID orderId, String state, StockMovementKind kind, String movement, int sign) {
        movements.queue(kind, """
                insert into hub.stock_posting (posting_ref, store_id, sku, quantity)
                select order_id || '/' || line_no || '/' || ?, store_id, sku, ? * quantity
                  from hub.reservation where order_id = ? and state = ?
                on conflict (posting_ref) do nothing""", movement, sign, orderId, state);
    }

    /** Units of the article available to promise in the store: on hand minus reserved. */
    public int available(String storeId, String sku) {
        Integer n = jdbc.queryForObject("select on_hand - reserved from hub.stock where store_id = ? and sku = ?",
                Integer.class, storeId, sku);
        return n == null ? 0 : n;
    }

    /** The lines the order already holds: a repeated reservation (a retried step) takes nothing twice. */
    private Set<Integer> heldLines(UUID orderId) {
        return Set.copyOf(jdbc.queryForList("select line_no from hub.reservation where order_id = ? and state = 'HELD'",
                Integer.class, orderId));
    }

    private boolean take(String storeId, StockRequest line) {
        return jdbc.update("""
                update hub.stock set reserved = reserved + ?
                 where store_id = ? and sku = ? and on_hand - reserved >= ?""",
                line.quantity(), storeId, line.sku(), line.quantity()) == 1;
    }

    /** Undoes this order's held lines as if they had never been reserved (all-or-nothing orders). */
    private void giveBack(UUID orderId) {
        settledRows("delete from hub.reservation where order_id = ? and state = 'HELD' returning store_id, sku, quantity", orderId)
                .forEach(h -> jdbc.update("update hub.stock set reserved = reserved - ? where store_id = ? and sku = ?",
                        h.quantity(), h.storeId(), h.sku()));
    }

    private int settle(UUID orderId, String newState, String stockUpdate) {
        List<Settled> held = settledRows("""
                update hub.reservation set state = ?, settled_at = now()
                 where order_id = ? and state = 'HELD'
                returning store_id, sku, quantity""", newState, orderId);
        boolean commit = "COMMITTED".equals(newState);
        for (Settled h : held) {
            if (commit) {
                jdbc.update(stockUpdate, h.quantity(), h.quantity(), h.storeId(), h.sku());
            } else {
                jdbc.update(stockUpdate, h.quantity(), h.storeId(), h.sku());
            }
        }
        return units(held);
    }

    /** A reservation row an update or delete just settled. */
    private record Settled(String storeId, String sku, int quantity) {
    }

    /**
     * Runs a statement returning (store, sku, quantity) rows and sorts them in the ledger's lock order. Stock rows
     * are always locked in that order, as {@link #reserve} does, so two orders sharing articles never deadlock.
     */
    private List<Settled> settledRows(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> new Settled(rs.getString("store_id"), rs.getString("sku"), rs.getInt("quantity")), args)
                .stream().sorted(LOCK_ORDER).toList();
    }

    private static int units(List<Settled> rows) {
        return rows.stream().mapToInt(Settled::quantity).sum();
    }
}
