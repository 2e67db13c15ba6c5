package org.retailhub.domain.insight;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which articles a store can sell now (on hand beyond what is reserved), so nothing out of stock is recommended.
 * An answer is reused for up to {@code freshness}: a store's stock changes far less often than recommendations are
 * asked for, and an article sold out a moment ago is refused at the order anyway.
 */
public class StockOnShelf {

    private static final String ANY_STORE = "";
    private static final int MOST_STORES = 1_000;

    private final JdbcTemplate jdbc;
    private final RecentAnswers<String, Set<String>> recent;

    public StockOnShelf(JdbcTemplate jdbc, Duration freshness) {
        this.jdbc = jdbc;
        this.recent = new RecentAnswers<>(freshness, MOST_STORES);
    }

    /** The articles available at the store; with no store, those available at any store. */
    public Set<String> available(String storeId) {
        return recent.get(Optional.ofNullable(storeId).orElse(ANY_STORE), this::query);
    }

    private Set<String> query(String storeId) {
        if (storeId.equals(ANY_STORE)) {
            return Set.copyOf(jdbc.queryForList("select distinct sku from hub.stock where on_hand > reserved", String.class));
        }
        return Set.copyOf(jdbc.queryForList("select sku from hub.stock where store_id = ? and on_hand > reserved", String.class, storeId));
    }
}
