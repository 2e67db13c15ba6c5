package org.retailhub.domain.consistency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.retailhub.domain.consistency.CanonicalRecord.Article;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.CanonicalRecord.Price;
import org.retailhub.domain.consistency.CanonicalRecord.Stock;
import org.retailhub.domain.inventory.StockMovementKind;
import org.retailhub.domain.inventory.StockMovements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub's golden records (articles, prices, stock, customers in schema {@code hub}) as canonical records, and
 * the idempotent application of an owner's change: each record remembers the last island position applied to it.
 * Customers' names and e-mails are sealed at rest ({@link SealedCustomers}).
 */
public class GoldenRecords {

    /** What applying a change did. */
    public enum Applied { CHANGED, UNCHANGED, REPLAYED }

    /**
     * What a till sale did: {@code applied} false when this receipt line was seen before; {@code shortBy} the pieces
     * that orders hold reserved beyond what is now on hand (0: the sale took only free stock).
     */
    public record SaleApplied(boolean applied, int shortBy) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SealedCustomers customers;
    private final StockMovements movements;

    public GoldenRecords(JdbcTemplate jdbc, TransactionTemplate transactions, PersonalDataSeal seal, StockMovements movements) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.customers = new SealedCustomers(jdbc, seal);
        this.movements = movements;
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
            // the owner's figure does not yet know the hub's movements still queued for it (order lines, till sales)
            String onHand = "greatest(0, ? - (select coalesce(sum(p.quantity), 0) from hub.stock_posting p "
                    + "where p.store_id = ? and p.sku = ? and p.posted_at is null))";
            int n = jdbc.update("update hub.stock set on_hand = " + onHand + " where store_id = ? and sku = ? and on_hand <> " + onHand,
                    s.onHand(), s.storeId(), s.sku(), s.storeId(), s.sku(), s.onHand(), s.storeId(), s.sku());
            if (n > 0) {
                recordShortfall(s.storeId(), s.sku(), "ERP stock figure");
                return true;
            }
            return jdbc.update("insert into hub.stock (store_id, sku, on_hand) values (?, ?, ?) on conflict do nothing",
                    s.storeId(), s.sku(), s.onHand()) > 0;
        }
        return customers.put((Customer) record);
    }

    /** Removes a golden customer the owner no longer has (merged duplicate); other kinds are kept for history. */
    public void remove(EntityKind kind, String key) {
        if (kind == EntityKind.CUSTOMER) {
            customers.remove(key);
        }
        jdbc.update("delete from hub.golden_source where kind = ? and record_key = ?", kind.name(), key);
    }

    /**
     * Erases a customer's personal data and keeps the customer as a tombstone nothing personal is written to again.
     * Answers what the hub held before, opened (name and e-mail null when erased before); empty when unknown.
     */
    public Optional<Customer> eraseCustomer(String customerId) {
        return customers.erase(customerId);
    }

    /** Customers whose personal data was erased on request: changes and reconciliation leave them alone. */
    public Set<String> erasedCustomers() {
        return customers.erased();
    }

    /**
     * The owner's value was written back on an island whose change of it conflicted with ownership (nothing changes
     * in the hub; {@link AuditedGoldenRecords} records it).
     */
    public void restored(Island island, CanonicalRecord islandsValue, CanonicalRecord ownersValue) {
    }

    /** Whether this customer's personal data was erased on request. */
    public boolean isErased(String customerId) {
        return customers.isErased(customerId);
    }

    /** Seals customers still in clear or sealed with a previous key (run at start); returns how many were sealed. */
    public int resealCustomers() {
        Integer n = transactions.execute(tx -> customers.reseal());
        return n == null ? 0 : n;
    }

    /**
     * A till sale, once per receipt line however often it is replayed: the hub's stock goes down and a goods issue for
     * the stock's owner is queued in {@code hub.stock_posting} (reference: the receipt line) and published, in one
     * transaction. The sale happened, so it is never refused: where it takes stock that orders hold reserved, the
     * pieces promised beyond what is left are recorded as a shortfall ({@code hub.stock_shortfall}).
     */
    public SaleApplied applySale(StockSale sale) {
        return transactions.execute(tx -> {
            if (jdbc.update("insert into hub.applied_sale (receipt) values (?) on conflict do nothing", sale.receipt()) == 0) {
                return new SaleApplied(false, 0);
            }
            movements.queue(StockMovementKind.TILL_SALE,
                    "insert into hub.stock_posting (posting_ref, store_id, sku, quantity) values (?, ?, ?, ?) on conflict (posting_ref) do nothing",
                    sale.receipt(), sale.storeId(), sale.sku(), sale.quantity());
            jdbc.update("update hub.stock set on_hand = greatest(0, on_hand - ?) where store_id = ? and sku = ?", sale.quantity(), sale.storeId(), sale.sku());
            return new SaleApplied(true, recordShortfall(sale.storeId(), sale.sku(), sale.receipt()));
        });
    }

    /** Records the pieces reserved beyond what is on hand, if any, with what caused it; returns them (0: none). */
    private int recordShortfall(String storeId, String sku, String cause) {
        Integer pieces = jdbc.query("insert into hub.stock_shortfall (store_id, sku, cause, pieces) select store_id, sku, ?, reserved - on_hand "
                + "from hub.stock where store_id = ? and sku = ? and reserved > on_hand returning pieces",
                rs -> rs.next() ? rs.getInt(1) : 0, cause, storeId, sku);
        return pieces == null ? 0 : pieces;
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
            case CUSTOMER -> "";
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
            case CUSTOMER -> found.putAll(customers.all(only));
        }
        return found;
    }
}
