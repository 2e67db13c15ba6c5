package org.retailhub.domain.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stock reservations per store and article. A reservation succeeds only through a single conditional
 * update ({@code on_hand - reserved >= quantity}) guarded by a check constraint, so concurrent orders can
 * never hold more than is on hand. Every operation is idempotent per order, so a retried job changes nothing twice.
 * Must be called inside a transaction.
 */
public class ReservationLedger {

    private final JdbcTemplate jdbc;

    public ReservationLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves stock for the order's lines. Lines are taken in SKU order so two orders never wait on each
     * other's rows in opposite order. With {@code allowPartial} false, either every line is reserved or none.
     */
    public ReservationOutcome reserve(UUID orderId, String storeId, List<StockRequest> lines, boolean allowPartial) {
        List<StockRequest> reserved = new ArrayList<>();
        List<StockRequest> unavailable = new ArrayList<>();
        List<StockRequest> ordered = lines.stream().sorted(Comparator.comparing(StockRequest::sku)).toList();
        for (StockRequest line : ordered) {
            if (alreadyHeld(orderId, line)) {
                reserved.add(line);
            } else if (take(storeId, line)) {
                jdbc.update("""
                        insert into hub.reservation (order_id, line_no, store_id, sku, quantity, state)
                        values (?, ?, ?, ?, ?, 'HELD')""", orderId, line.lineNo(), storeId, line.sku(), line.quantity());
                reserved.add(line);
            } else {
                unavailable.add(line);
            }
        }
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

    /** Turns the order's held stock into a sale: it leaves on-hand. Returns the number of units committed. */
    public int commit(UUID orderId) {
        return settle(orderId, "COMMITTED",
                "update hub.stock set reserved = reserved - ?, on_hand = on_hand - ? where store_id = ? and sku = ?");
    }

    /** Puts stock committed for the order back on hand (its fulfilment failed). Returns the number of units. */
    public int returnCommitted(UUID orderId) {
        record Committed(String storeId, String sku, int quantity) {
        }
        List<Committed> committed = jdbc.query("""
                update hub.reservation set state = 'RETURNED', settled_at = now()
                 where order_id = ? and state = 'COMMITTED'
                returning store_id, sku, quantity""",
                (rs, i) -> new Committed(rs.getString("store_id"), rs.getString("sku"), rs.getInt("quantity")), orderId);
        committed.forEach(c -> jdbc.update("update hub.stock set on_hand = on_hand + ? where store_id = ? and sku = ?",
                c.quantity(), c.storeId(), c.sku()));
        return committed.stream().mapToInt(Committed::quantity).sum();
    }

    /** Units of the article available to promise in the store: on hand minus reserved. */
    public int available(String storeId, String sku) {
        Integer n = jdbc.queryForObject("select on_hand - reserved from hub.stock where store_id = ? and sku = ?",
                Integer.class, storeId, sku);
        return n == null ? 0 : n;
    }

    private boolean alreadyHeld(UUID orderId, StockRequest line) {
        Integer n = jdbc.queryForObject("select count(*) from hub.reservation where order_id = ? and line_no = ? and state = 'HELD'",
                Integer.class, orderId, line.lineNo());
        return n != null && n > 0;
    }

    private boolean take(String storeId, StockRequest line) {
        return jdbc.update("""
                update hub.stock set reserved = reserved + ?
                 where store_id = ? and sku = ? and on_hand - reserved >= ?""",
                line.quantity(), storeId, line.sku(), line.quantity()) == 1;
    }

    /** Undoes this order's held lines as if they had never been reserved (all-or-nothing orders). */
    private void giveBack(UUID orderId) {
        jdbc.query("delete from hub.reservation where order_id = ? and state = 'HELD' returning store_id, sku, quantity",
                (rs, i) -> jdbc.update("update hub.stock set reserved = reserved - ? where store_id = ? and sku = ?",
                        rs.getInt("quantity"), rs.getString("store_id"), rs.getString("sku")),
                orderId);
    }

    private int settle(UUID orderId, String newState, String stockUpdate) {
        record Held(String storeId, String sku, int quantity) {
        }
        List<Held> held = jdbc.query("""
                update hub.reservation set state = ?, settled_at = now()
                 where order_id = ? and state = 'HELD'
                returning store_id, sku, quantity""",
                (rs, i) -> new Held(rs.getString("store_id"), rs.getString("sku"), rs.getInt("quantity")),
                newState, orderId);
        int units = 0;
        boolean commit = "COMMITTED".equals(newState);
        for (Held h : held) {
            if (commit) {
                jdbc.update(stockUpdate, h.quantity(), h.quantity(), h.storeId(), h.sku());
            } else {
                jdbc.update(stockUpdate, h.quantity(), h.storeId(), h.sku());
            }
            units += h.quantity();
        }
        return units;
    }
}
