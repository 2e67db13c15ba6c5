package org.retailhub.domain.insight;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which articles a store can sell now (on hand beyond what is reserved), so nothing out of stock is recommended. */
public class StockOnShelf {

    private final JdbcTemplate jdbc;

    public StockOnShelf(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The articles available at the store; with no store, those available at any store. */
    public Set<String> available(String storeId) {
        if (storeId == null) {
            return new HashSet<>(jdbc.queryForList("select distinct sku from hub.stock where on_hand > reserved", String.class));
        }
        return new HashSet<>(jdbc.queryForList("select sku from hub.stock where store_id = ? and on_hand > reserved", String.class, storeId));
    }
}
