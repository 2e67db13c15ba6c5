package org.retailhub.domain.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stock that orders hold reserved beyond what is on hand: an island took it away (a till sold it, the ERP counted
 * less), which the hub records and shows rather than refusing a sale that happened. Such an order stops at *Commit
 * stock* (an incident) until a goods receipt covers it or an operator cancels it; the hub never promises more itself.
 */
public class StockShortfalls {

    /**
     * One short stock row.
     *
     * @param shortBy          pieces reserved beyond what is on hand
     * @param lastCause        what took the stock last (a till receipt line, {@code ERP stock figure})
     * @param since            when the last cause was recorded
     * @param ordersUncovered  the most recent reservations, whose pieces are no longer there (newest first)
     */
    public record Shortfall(String storeId, String sku, int onHand, int reserved, int shortBy, String lastCause, Instant since,
                            List<UUID> ordersUncovered) {
    }

    private final JdbcTemplate jdbc;

    public StockShortfalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every short stock row now, by store and article. */
    public List<Shortfall> open() {
        return jdbc.query("""
                select s.store_id, s.sku, s.on_hand, s.reserved, f.cause, f.occurred_at
                  from hub.stock s
                  left join lateral (select cause, occurred_at from hub.stock_shortfall f
                                      where f.store_id = s.store_id and f.sku = s.sku order by f.id desc limit 1) f on true
                 where s.reserved > s.on_hand
                 order by s.store_id, s.sku""", (rs, n) -> {
            int shortBy = rs.getInt("reserved") - rs.getInt("on_hand");
            java.sql.Timestamp since = rs.getTimestamp("occurred_at");
            return new Shortfall(rs.getString("store_id"), rs.getString("sku"), rs.getInt("on_hand"), rs.getInt("reserved"), shortBy,
                    rs.getString("cause"), since == null ? null : since.toInstant(), uncovered(rs.getString("store_id"), rs.getString("sku"), shortBy));
        });
    }

    /** Pieces reserved beyond what is on hand, over all stores and articles: the metric. */
    public int openPieces() {
        Integer n = jdbc.queryForObject("select coalesce(sum(reserved - on_hand), 0) from hub.stock where reserved > on_hand", Integer.class);
        return n == null ? 0 : n;
    }

    /** First come, first served: the newest held reservations are the ones the remaining stock cannot cover. */
    private List<UUID> uncovered(String storeId, String sku, int shortBy) {
        List<UUID> orders = new ArrayList<>();
        int[] covered = {0};
        jdbc.query("select order_id, quantity from hub.reservation where store_id = ? and sku = ? and state = 'HELD' order by created_at desc, order_id",
                rs -> {
                    if (covered[0] < shortBy) {
                        orders.add(rs.getObject("order_id", UUID.class));
                        covered[0] += rs.getInt("quantity");
                    }
                }, storeId, sku);
        return orders;
    }
}
