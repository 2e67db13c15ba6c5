package org.retailhub.domain.catalogue;

import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.retailhub.domain.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hub's article and store master data (schema {@code hub}). */
public class Catalogue {

    private final JdbcTemplate jdbc;

    public Catalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean storeExists(String storeId) {
        Integer n = jdbc.queryForObject("select count(*) from hub.store where store_id = ?", Integer.class, storeId);
        return n != null && n > 0;
    }

    /** The articles with the given SKUs; unknown SKUs are simply absent from the map. */
    public Map<String, Article> articles(Collection<String> skus) {
        Map<String, Article> found = new HashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        jdbc.query("select sku, name, category, list_price, currency, active from hub.article where sku = any(?)",
                rs -> {
                    Money price = new Money(rs.getBigDecimal("list_price"), Currency.getInstance(rs.getString("currency")));
                    found.put(rs.getString("sku"), new Article(rs.getString("sku"), rs.getString("name"),
                            rs.getString("category"), price, rs.getBoolean("active")));
                },
                (Object) skus.toArray(String[]::new));
        return found;
    }

}
