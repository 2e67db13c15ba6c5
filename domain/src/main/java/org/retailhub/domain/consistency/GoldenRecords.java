package org.retailhub.domain.consistency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retailhub.domain.consistency.CanonicalRecord.Article;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.CanonicalRecord.Price;
import org.retailhub.domain.consistency.CanonicalRecord.Stock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub's golden records (articles, prices, stock, customers in schema {@code hub}) as canonical records, and
 * the idempotent application of an owner's change: each record remembers the last island position applied to it.
 */
public class GoldenRecords {

    /** What applying a change did. */
    public enum Applied { CHANGED, UNCHANGED, REPLAYED }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public GoldenRecords(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Applies an owner's record unless this position (or a later one) of that island was applied already. */
    public Applied apply(CanonicalRecord record, IslandChange change) {
        Island island = change.island();
        long position = change.position();
        return transactions.execute(tx -> {
            // one statement both checks and moves the position (and locks the row): a replay updates nothing
            int moved = jdbc.update("insert into hub.golden_source (kind, record_key, island, position) values (?, ?, ?, ?) "
                            + "on conflict (kind, record_key) do update set island = excluded.island, position = excluded.position, applied_at = now() "
                            + "where hub.golden_source.island <> excluded.island or hub.golden_source.position < excluded.position",
                    record.kind().name(), record.key(), island.name(), position);
            if (moved == 0) {
                return Applied.REPLAYED;
            }
            return put(record) ? Applied.CHANGED : Applied.UNCHANGED;
        });
    }

    /** Runs {@code work} in one hub transaction; the applications inside it join that transaction. */
    public <T> T together(java.util.function.Supplier<T> work) {
        return transactions.execute(tx -> work.get());
    }

    /** Writes the record into the hub's tables when it differs; true when a row changed. */
    public boolean put(CanonicalRecord record) {
        if (record instanceof Article a) {
            int n = jdbc.update("update hub.article set name = ?, category = ? where sku = ? and (name, category) is distinct from (?, ?)",
                    a.name(), a.category(), a.sku(), a.name(), a.category());
            return n > 0 || jdbc.update("insert into hub.article (sku, name, category, list_price) values (?, ?, ?, 0) on conflict do nothing",
                    a.sku(), a.name(), a.category()) > 0;
        }
        if (record instanceof Price p) {
            return jdbc.update("update hub.article set list_price = ? where sku = ? and list_price <> ?", p.listPrice(), p.sku(), p.listPrice()) > 0;
        }
        if (record instanceof Stock s) {
            // the owner's figure does not yet know the hub's movements still queued for it (committed order lines)
            String onHand = "greatest(0, ? - (select coalesce(sum(p.quantity), 0) from hub.stock_posting p "
                    + "where p.store_id = ? and p.sku = ? and p.posted_at is null))";
            int n = jdbc.update("update hub.stock set on_hand = " + onHand + " where store_id = ? and sku = ? and on_hand <> " + onHand,
                    s.onHand(), s.storeId(), s.sku(), s.storeId(), s.sku(), s.onHand(), s.storeId(), s.sku());
            return n > 0 || jdbc.update("insert into hub.stock (store_id, sku, on_hand) values (?, ?, ?) on conflict do nothing",
                    s.storeId(), s.sku(), s.onHand()) > 0;
        }
        Customer c = (Customer) record;
        return jdbc.update("insert into hub.customer (customer_id, name, email, loyalty_points) values (?, ?, ?, ?) "
                        + "on conflict (customer_id) do update set name = excluded.name, email = excluded.email, loyalty_points = excluded.loyalty_points "
                        + "where (hub.customer.name, hub.customer.email, hub.customer.loyalty_points) is distinct from (excluded.name, excluded.email, excluded.loyalty_points)",
                c.customerId(), c.name(), c.email(), c.loyaltyPoints()) > 0;
    }

    /** Removes a golden customer the owner no longer has (merged duplicate); other kinds are kept for history. */
    public void remove(EntityKind kind, String key) {
        if (kind == EntityKind.CUSTOMER) {
            jdbc.update("delete from hub.customer where customer_id = ?", key);
        }
        jdbc.update("delete from hub.golden_source where kind = ? and record_key = ?", kind.name(), key);
    }

    /** A till sale reduces the hub's stock once, however often the change is replayed; false when seen before. */
    public boolean applySale(StockSale sale) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (jdbc.update("insert into hub.applied_sale (receipt) values (?) on conflict do nothing", sale.receipt()) == 0) {
                return false;
            }
            jdbc.update("update hub.stock set on_hand = on_hand - ? where store_id = ? and sku = ?", sale.quantity(), sale.storeId(), sale.sku());
            return true;
        }));
    }

    public Optional<CanonicalRecord> get(EntityKind kind, String key) {
        return Optional.ofNullable(all(kind, key).get(key));
    }

    public Map<String, CanonicalRecord> all(EntityKind kind) {
        return all(kind, null);
    }

    private Map<String, CanonicalRecord> all(EntityKind kind, String only) {
        Map<String, CanonicalRecord> found = new LinkedHashMap<>();
        String filter = only == null ? "" : switch (kind) {
            case ARTICLE, PRICE -> " where sku = ?";
            case STOCK -> " where store_id || '/' || sku = ?";
            case CUSTOMER -> " where customer_id = ?";
        };
        Object[] args = only == null ? new Object[0] : new Object[] {only};
        switch (kind) {
            case ARTICLE -> jdbc.query("select sku, name, category from hub.article" + filter,
                    rs -> { found.put(rs.getString(1), new Article(rs.getString(1), rs.getString(2), rs.getString(3))); }, args);
            case PRICE -> jdbc.query("select sku, list_price from hub.article" + filter,
                    rs -> { found.put(rs.getString(1), new Price(rs.getString(1), rs.getBigDecimal(2))); }, args);
            case STOCK -> jdbc.query("select store_id, sku, on_hand from hub.stock" + filter, rs -> {
                Stock s = new Stock(rs.getString(1), rs.getString(2), rs.getInt(3));
                found.put(s.key(), s);
            }, args);
            case CUSTOMER -> jdbc.query("select customer_id, name, email, loyalty_points from hub.customer" + filter,
                    rs -> { found.put(rs.getString(1), new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))); }, args);
        }
        return found;
    }
}
