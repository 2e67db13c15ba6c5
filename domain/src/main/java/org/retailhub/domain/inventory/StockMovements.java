package org.retailhub.domain.inventory;

import java.util.List;
import org.retailhub.domain.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Queues goods movements for the stock's owner ({@code hub.stock_posting}) and publishes each one queued through the
 * outbox in the same transaction: a movement is queued and published, or neither. Movements the owner made and
 * reported itself (goods receipts) are only published ({@link #publish}). A reference queued before is
 * skipped by the insert, so a retried step or a replayed sale publishes nothing twice. Keyed by store and article, so
 * one article's movements in a store stay in order on the topic.
 */
public class StockMovements {

    /** The event type every movement is published with (header {@code event-type}). */
    public static final String EVENT_TYPE = "StockMovement";

    private static final String RETURNING = " returning posting_ref, store_id, sku, quantity, created_at";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final String topic;

    /** @param topic the topic that carries every stock movement (configuration: {@code hub.kafka.topics.stock-movements}) */
    public StockMovements(JdbcTemplate jdbc, Outbox outbox, String topic) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.topic = topic;
    }

    /**
     * Runs {@code insert} (into {@code hub.stock_posting (posting_ref, store_id, sku, quantity)}, ending in
     * {@code on conflict (posting_ref) do nothing}) and publishes what it queued. Call inside the transaction that
     * moves the hub's copy of the stock.
     *
     * @return the movements queued now, none for references queued before
     */
    public List<StockMovement> queue(StockMovementKind kind, String insert, Object... arguments) {
        List<StockMovement> queued = jdbc.query(insert + RETURNING, (rs, i) -> new StockMovement(rs.getString("posting_ref"),
                rs.getString("store_id"), rs.getString("sku"), -rs.getInt("quantity"), kind, rs.getTimestamp("created_at").toInstant()),
                arguments);
        queued.forEach(this::publish);
        return queued;
    }

    /**
     * Publishes a movement the stock's owner made itself and reported (nothing to queue for it: posting it back would
     * count it twice there). Call inside the transaction that books it, once per reference: the caller's own table
     * (e.g. {@code hub.goods_receipt}) keeps a movement reported again from being published again.
     */
    public void publish(StockMovement movement) {
        outbox.append(topic, movement.storeId() + "/" + movement.sku(), EVENT_TYPE, movement);
    }
}
