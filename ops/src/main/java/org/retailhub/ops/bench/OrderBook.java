package org.retailhub.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The benchmark's read-only look into the hub's order tables, plus the stock it prepares before a scenario.
 * Times are PostgreSQL commit timestamps ({@code track_commit_timestamp}), so "accepted" is when the order
 * became durable and "confirmed" when the transaction that confirmed it committed, both on one clock.
 */
final class OrderBook implements AutoCloseable {

    /** When one order was accepted, confirmed and paid (epoch µs; 0 when it never was) and where it is now. */
    record Timing(String externalId, long acceptedMicros, long confirmedMicros, long paidMicros, String status) {

        boolean confirmed() {
            return confirmedMicros > 0;
        }

        boolean paid() {
            return paidMicros > 0;
        }
    }

    /** Rows and distinct (channel, external id) pairs of a run. */
    record Count(long rows, long distinctOrders) {
    }

    private static final String TIMINGS = """
            select o.external_id, o.status,
                   (extract(epoch from pg_xact_commit_timestamp(r.xmin)) * 1000000)::bigint as accepted,
                   coalesce((extract(epoch from pg_xact_commit_timestamp(c.xmin)) * 1000000)::bigint, 0) as confirmed,
                   coalesce((extract(epoch from pg_xact_commit_timestamp(p.xmin)) * 1000000)::bigint, 0) as paid
              from hub.customer_order o
              join hub.order_history r on r.order_id = o.id and r.status = 'RECEIVED'
              left join hub.order_history c on c.order_id = o.id and c.status = 'CONFIRMED'
              left join hub.order_history p on p.order_id = o.id and p.status = 'PAID'
             where starts_with(o.external_id, ?)""";

    private final Connection db;

    OrderBook(BenchSettings settings) throws SQLException {
        this.db = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
    }

    /** Gives every article in every store so much stock that the sustained and burst runs never run out. */
    void fillShelves(List<String> skus) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("update hub.stock set on_hand = reserved + 10000000 where sku = any (?)")) {
            s.setArray(1, db.createArrayOf("varchar", skus.toArray()));
            s.executeUpdate();
        }
    }

    /** Puts exactly {@code units} of each article on the shelf of one store; fails if some are still reserved. */
    void stockExactly(String storeId, List<String> skus, int units) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "update hub.stock set on_hand = ? where store_id = ? and sku = any (?) and reserved = 0")) {
            s.setInt(1, units);
            s.setString(2, storeId);
            s.setArray(3, db.createArrayOf("varchar", skus.toArray()));
            if (s.executeUpdate() != skus.size()) {
                throw new IllegalStateException("stock of " + skus + " in " + storeId + " is still reserved; use a fresh hub");
            }
        }
    }

    /** Units of each article that are reserved or committed (on hand went down) against {@code units} shelved. */
    Map<String, int[]> stock(String storeId, List<String> skus) throws SQLException {
        Map<String, int[]> stock = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement(
                "select sku, on_hand, reserved from hub.stock where store_id = ? and sku = any (?)")) {
            s.setString(1, storeId);
            s.setArray(2, db.createArrayOf("varchar", skus.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stock.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
        }
        return stock;
    }

    /** Units sold (reservations held or committed) of each article in one store, by orders of a run. */
    Map<String, Integer> unitsTaken(String prefix, String storeId) throws SQLException {
        Map<String, Integer> taken = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("""
                select r.sku, sum(r.quantity) from hub.reservation r join hub.customer_order o on o.id = r.order_id
                 where starts_with(o.external_id, ?) and r.store_id = ? and r.state in ('HELD', 'COMMITTED')
                 group by r.sku""")) {
            s.setString(1, prefix);
            s.setString(2, storeId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    taken.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return taken;
    }

    List<Timing> timings(String prefix) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(TIMINGS)) {
            s.setString(1, prefix);
            try (ResultSet rs = s.executeQuery()) {
                var out = new java.util.ArrayList<Timing>();
                while (rs.next()) {
                    out.add(new Timing(rs.getString(1), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(2)));
                }
                return out;
            }
        }
    }

    Count count(String prefix) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "select count(*), count(distinct (channel, external_id)) from hub.customer_order where starts_with(external_id, ?)")) {
            s.setString(1, prefix);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Count(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /** Orders of a run that were confirmed, or ended without it (rejected for stock, say). */
    long decided(String prefix) throws SQLException {
        return singleLong("""
                select count(*) from hub.customer_order o
                 where starts_with(o.external_id, ?)
                   and (o.status in ('REJECTED', 'CANCELLED')
                        or exists (select 1 from hub.order_history h where h.order_id = o.id and h.status = 'CONFIRMED'))""", prefix);
    }

    /** Orders of a run that are still on their way (not PAID, REJECTED, CANCELLED or refunded). */
    long inFlight(String prefix) throws SQLException {
        return singleLong("""
                select count(*) from hub.customer_order where starts_with(external_id, ?)
                   and status not in ('PAID', 'REJECTED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')""", prefix);
    }

    /** Waits until {@code expected} orders of a run are decided; returns how many were. */
    long awaitDecided(String prefix, long expected, Duration timeout) throws SQLException, InterruptedException {
        return pollUntil(() -> decided(prefix), n -> n >= expected, Duration.ofMillis(200), timeout);
    }

    /** Waits until no order of a run is on its way any more, so the next scenario starts on a quiet hub. */
    void awaitSettled(String prefix, Duration timeout) throws SQLException, InterruptedException {
        pollUntil(() -> inFlight(prefix), n -> n == 0, Duration.ofMillis(500), timeout);
    }

    /** Waits until the outbox relay published every event, so that counting the topic counts them all. */
    void awaitOutboxDrained(Duration timeout) throws SQLException, InterruptedException {
        pollUntil(() -> singleLong("select count(*) from hub.outbox where published_at is null"), n -> n == 0,
                Duration.ofMillis(200), timeout);
    }

    /** A count read from the hub's database. */
    private interface Reading {
        long read() throws SQLException;
    }

    /** Reads until {@code done} holds or {@code timeout} passed, pausing in between; returns the last reading. */
    private static long pollUntil(Reading reading, LongPredicate done, Duration pause, Duration timeout)
            throws SQLException, InterruptedException {
        long until = System.currentTimeMillis() + timeout.toMillis();
        long value = reading.read();
        while (!done.test(value) && System.currentTimeMillis() < until) {
            Thread.sleep(pause.toMillis());
            value = reading.read();
        }
        return value;
    }

    private long singleLong(String sql, String... parameters) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
