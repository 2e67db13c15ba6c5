package org.retailhub.domain.stockcount;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.retailhub.domain.inventory.StockMovement;
import org.retailhub.domain.inventory.StockMovementKind;
import org.retailhub.domain.inventory.StockMovements;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cycle counts of a store's RFID-tagged articles (tables {@code hub.stock_count*}). A count is opened, collects the
 * tags seen in the store's counted zones, and is closed: counted pieces per article (tags whose GTIN names an article;
 * a tag seen at a door after it was last counted has left) against the ledger, for every tagged article the store
 * stocks. Differences are posted like every movement of the hub: a goods movement per article queued for the stock's
 * owner ({@code hub.stock_posting}, reference {@code count/<count id>/<sku>}, idempotent, published by
 * {@link StockMovements}) and the hub's copy moved by the same pieces in the same transaction; the owner's figure then
 * comes back through CDC. Never an overwrite.
 */
public class StockCounts {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StockMovements movements;

    public StockCounts(JdbcTemplate jdbc, TransactionTemplate transactions, StockMovements movements) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.movements = movements;
    }

    /** Opens the count; the same id again is a no-op, a second open count of the store is refused. */
    public void open(UUID countId, String storeId) {
        Integer tagged = jdbc.queryForObject("select count(*) from hub.stock s join hub.article_gtin g on g.sku = s.sku where s.store_id = ?",
                Integer.class, storeId);
        if (tagged == null || tagged == 0) {
            throw new CountNotPossibleException("store " + storeId + " stocks no RFID-tagged article (hub.article_gtin)");
        }
        try {
            jdbc.update("insert into hub.stock_count (count_id, store_id, status) values (?, ?, 'OPEN') on conflict (count_id) do nothing",
                    countId, storeId);
        } catch (DuplicateKeyException e) {
            throw new CountNotPossibleException("store " + storeId + " has a count open already: close it first");
        }
    }

    /** The counts open now, by store. */
    public Map<String, OpenCount> openCounts() {
        Map<String, OpenCount> open = new HashMap<>();
        jdbc.query("select store_id, count_id, opened_at from hub.stock_count where status = 'OPEN'",
                rs -> { open.put(rs.getString(1), new OpenCount(rs.getObject(2, UUID.class), rs.getString(1), rs.getTimestamp(3).toInstant())); });
        return open;
    }

    /** A count whose zones are being scanned: reads from {@code openedAt} on count. */
    public record OpenCount(UUID countId, String storeId, Instant openedAt) {
    }

    /** Tags seen in a counted zone: each EPC once, the latest sighting kept. */
    public void counted(UUID countId, List<CountedTag> tags) {
        jdbc.batchUpdate("""
                insert into hub.stock_count_tag (count_id, epc, gtin, zone, last_counted_at)
                select ?, ?, ?, ?, ? from hub.stock_count where count_id = ? and status = 'OPEN'
                on conflict (count_id, epc) do update set zone = excluded.zone, last_counted_at = excluded.last_counted_at
                 where hub.stock_count_tag.last_counted_at < excluded.last_counted_at""", tags, 500, (ps, tag) -> {
            ps.setObject(1, countId);
            ps.setString(2, tag.epc());
            ps.setString(3, tag.gtin());
            ps.setString(4, tag.zone());
            ps.setTimestamp(5, Timestamp.from(tag.seenAt()));
            ps.setObject(6, countId);
        });
    }

    /** Tags seen at a door: those counted before are taken as gone unless counted again later. */
    public void left(UUID countId, List<CountedTag> tags) {
        jdbc.batchUpdate("update hub.stock_count_tag set last_left_at = greatest(last_left_at, ?) where count_id = ? and epc = ?",
                tags, 500, (ps, tag) -> {
                    ps.setTimestamp(1, Timestamp.from(tag.seenAt()));
                    ps.setObject(2, countId);
                    ps.setString(3, tag.epc());
                });
    }

    /** Compares with the ledger and keeps the differences; closing a closed count again returns what it found. */
    public StockCount close(UUID countId) {
        return transactions.execute(tx -> {
            String storeId = jdbc.queryForObject("select store_id from hub.stock_count where count_id = ? for update", String.class, countId);
            if (jdbc.update("update hub.stock_count set status = 'CLOSED', closed_at = now() where count_id = ? and status = 'OPEN'", countId) == 1) {
                List<InventoryDifference> differences = CountComparison.differences(ledger(storeId), counted(countId), prices());
                jdbc.batchUpdate("insert into hub.stock_count_difference (count_id, sku, ledger, counted, list_price) values (?, ?, ?, ?, ?)",
                        differences, 100, (ps, d) -> {
                            ps.setObject(1, countId);
                            ps.setString(2, d.sku());
                            ps.setInt(3, d.ledger());
                            ps.setInt(4, d.counted());
                            ps.setBigDecimal(5, d.listPrice());
                        });
                jdbc.update("update hub.stock_count set shrink_value = ? where count_id = ?", CountComparison.shrinkValue(differences), countId);
            }
            return find(countId).orElseThrow();
        });
    }

    /**
     * Queues each difference as a goods movement for the stock's owner and moves the hub's copy by it, once: posting
     * twice changes nothing. Like a till sale, a count is never refused: pieces that orders hold reserved beyond what
     * the count found are recorded as a shortfall ({@code hub.stock_shortfall}, cause: the posting's reference).
     */
    public int post(UUID countId) {
        Integer posted = transactions.execute(tx -> {
            List<StockMovement> queued = movements.queue(StockMovementKind.COUNT_CORRECTION, """
                    insert into hub.stock_posting (posting_ref, store_id, sku, quantity)
                    select 'count/' || d.count_id || '/' || d.sku, c.store_id, d.sku, d.ledger - d.counted
                      from hub.stock_count_difference d join hub.stock_count c on c.count_id = d.count_id
                     where d.count_id = ? and c.status = 'CLOSED'
                    on conflict (posting_ref) do nothing""", countId);
            for (StockMovement movement : queued) {
                jdbc.update("update hub.stock set on_hand = greatest(0, on_hand + ?) where store_id = ? and sku = ?",
                        movement.quantity(), movement.storeId(), movement.sku());
                jdbc.update("""
                        insert into hub.stock_shortfall (store_id, sku, cause, pieces)
                        select store_id, sku, ?, reserved - on_hand from hub.stock where store_id = ? and sku = ? and reserved > on_hand""",
                        movement.reference(), movement.storeId(), movement.sku());
            }
            jdbc.update("update hub.stock_count set status = 'POSTED' where count_id = ? and status = 'CLOSED'", countId);
            return queued.size();
        });
        return posted == null ? 0 : posted;
    }

    public Optional<StockCount> find(UUID countId) {
        List<InventoryDifference> differences = jdbc.query(
                "select sku, ledger, counted, list_price from hub.stock_count_difference where count_id = ? order by sku",
                (rs, i) -> new InventoryDifference(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4)), countId);
        return jdbc.query("""
                select c.count_id, c.store_id, c.status, c.opened_at, c.closed_at, c.shrink_value,
                       (select count(*) from hub.stock_count_tag t where t.count_id = c.count_id)
                  from hub.stock_count c where c.count_id = ?""",
                (rs, i) -> new StockCount(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getInt(7), differences, rs.getBigDecimal(6)), countId).stream().findFirst();
    }

    private Map<String, Integer> ledger(String storeId) {
        Map<String, Integer> ledger = new HashMap<>();
        jdbc.query("select s.sku, s.on_hand from hub.stock s join hub.article_gtin g on g.sku = s.sku where s.store_id = ?",
                rs -> { ledger.put(rs.getString(1), rs.getInt(2)); }, storeId);
        return ledger;
    }

    private Map<String, Integer> counted(UUID countId) {
        Map<String, Integer> counted = new HashMap<>();
        jdbc.query("""
                select g.sku, count(*) from hub.stock_count_tag t join hub.article_gtin g on g.gtin = t.gtin
                 where t.count_id = ? and (t.last_left_at is null or t.last_left_at < t.last_counted_at)
                 group by g.sku""", rs -> { counted.put(rs.getString(1), rs.getInt(2)); }, countId);
        return counted;
    }

    private Map<String, BigDecimal> prices() {
        Map<String, BigDecimal> prices = new HashMap<>();
        jdbc.query("select a.sku, a.list_price from hub.article a join hub.article_gtin g on g.sku = a.sku",
                rs -> { prices.put(rs.getString(1), rs.getBigDecimal(2)); });
        return prices;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
