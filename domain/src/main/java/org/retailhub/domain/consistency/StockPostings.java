package org.retailhub.domain.consistency;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the stock movements the order flow queued (table {@code hub.stock_posting}: committed order lines, returns)
 * to the island that owns stock, as goods movements with the posting's reference. The owner moves stock once per
 * reference, so a posting repeated after a crash between the island's commit and the hub's is harmless; a posting
 * is marked done only after the owner took it, so none is lost. Until then the hub's stock already shows it and
 * the owner's figures arriving through CDC are read net of it ({@link GoldenRecords#put}).
 */
public class StockPostings {

    private static final System.Logger log = System.getLogger(StockPostings.class.getName());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<Island, IslandSystem> islands;
    private final FieldOwnership ownership;

    public StockPostings(JdbcTemplate jdbc, TransactionTemplate transactions, List<IslandSystem> islands, FieldOwnership ownership) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.islands = new java.util.EnumMap<>(Island.class);
        islands.forEach(i -> this.islands.put(i.island(), i));
        this.ownership = ownership;
    }

    /** Posts up to {@code limit} due movements, oldest first; another instance takes other rows. Returns how many were posted. */
    public int postDue(int limit) {
        IslandSystem owner = islands.get(ownership.owner(EntityKind.STOCK));
        Integer posted = transactions.execute(tx -> {
            List<StockSale> due = jdbc.query("select posting_ref, store_id, sku, quantity from hub.stock_posting where posted_at is null "
                            + "order by created_at limit ? for update skip locked",
                    (rs, i) -> new StockSale(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)), limit);
            int done = 0;
            for (StockSale movement : due) {
                try {
                    owner.issueSoldGoods(movement);
                } catch (RuntimeException e) {
                    // stays due and is tried again on the next run; the other movements go on
                    log.log(System.Logger.Level.WARNING, "stock posting " + movement.receipt() + " not taken by " + owner.island() + ": " + e.getMessage());
                    continue;
                }
                jdbc.update("update hub.stock_posting set posted_at = now() where posting_ref = ?", movement.receipt());
                done++;
            }
            return done;
        });
        return posted == null ? 0 : posted;
    }

    /** Movements queued and not yet taken by the owner. */
    public int pending() {
        Integer n = jdbc.queryForObject("select count(*) from hub.stock_posting where posted_at is null", Integer.class);
        return n == null ? 0 : n;
    }
}
