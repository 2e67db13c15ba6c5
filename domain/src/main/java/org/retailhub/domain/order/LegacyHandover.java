package org.retailhub.domain.order;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders of stores on the legacy path, handed to the legacy system outbox-style: {@link #queue} writes the hand-over
 * in the transaction that accepts the order ({@code hub.legacy_handover}), {@link #forwardDue} books what is due at
 * the legacy system and marks it forwarded afterwards. The key is the order's (channel, external id), so a hand-over
 * repeated after a crash between the legacy system's commit and the hub's books nothing twice, and none is lost.
 */
public class LegacyHandover {

    private static final System.Logger log = System.getLogger(LegacyHandover.class.getName());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OrderRepository orders;
    private final LegacyOrders legacy;

    public LegacyHandover(JdbcTemplate jdbc, TransactionTemplate transactions, OrderRepository orders, LegacyOrders legacy) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.orders = orders;
        this.legacy = legacy;
    }

    /** Queues a just-stored order for the legacy system; in the caller's transaction. */
    public void queue(UUID orderId, OrderRequest request) {
        jdbc.update("insert into hub.legacy_handover (order_id, idempotency_key) values (?, ?)",
                orderId, request.channel().name() + ":" + request.externalId());
    }

    /**
     * Books up to {@code limit} due hand-overs, oldest first; another instance takes other rows. The first refusal
     * ends the round (the legacy system is likely down): what is left stays due for the next one.
     *
     * @return how many were booked
     */
    public int forwardDue(int limit) {
        Integer forwarded = transactions.execute(tx -> {
            List<Due> due = jdbc.query("select order_id, idempotency_key from hub.legacy_handover where forwarded_at is null "
                    + "order by created_at limit ? for update skip locked", (rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2)), limit);
            int done = 0;
            for (Due handover : due) {
                if (!forward(handover)) {
                    break;
                }
                done++;
            }
            return done;
        });
        return forwarded == null ? 0 : forwarded;
    }

    private boolean forward(Due handover) {
        String reference;
        try {
            reference = legacy.book(orders.get(handover.orderId()), orders.giftCard(handover.orderId()), handover.key());
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.log(System.Logger.Level.WARNING, "order " + handover.orderId() + " not taken by the legacy system, tried again: " + reason);
            jdbc.update("update hub.legacy_handover set attempts = attempts + 1, last_error = left(?, 500) where order_id = ?",
                    reason, handover.orderId());
            return false;
        }
        jdbc.update("update hub.legacy_handover set attempts = attempts + 1, last_error = null, forwarded_at = now(), legacy_reference = ? "
                + "where order_id = ?", reference, handover.orderId());
        jdbc.update("update hub.customer_order set status_reason = ?, updated_at = now() where id = ?",
                "booked by the legacy ERP as sales order " + reference, handover.orderId());
        return true;
    }

    /** Hand-overs not yet booked by the legacy system. */
    public int due() {
        Integer n = jdbc.queryForObject("select count(*) from hub.legacy_handover where forwarded_at is null", Integer.class);
        return n == null ? 0 : n;
    }

    /** Seconds the oldest due hand-over has waited; 0 when none is due. */
    public double oldestDueSeconds() {
        Double s = jdbc.queryForObject("select coalesce(extract(epoch from now() - min(created_at)), 0)::float8 "
                + "from hub.legacy_handover where forwarded_at is null", Double.class);
        return s == null ? 0 : s;
    }

    private record Due(UUID orderId, String key) {
    }
}
