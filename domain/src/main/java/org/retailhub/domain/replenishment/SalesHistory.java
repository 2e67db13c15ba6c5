package org.retailhub.domain.replenishment;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retailhub.domain.replenishment.forecast.DailyQuantity;
import org.retailhub.domain.replenishment.forecast.DemandSeries;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily sales of a store's articles, net of returns: the history imported from before the hub
 * ({@code hub.sales_history}) and what the hub itself booked since, from its stock postings (order lines committed and
 * returned, {@code <order>/<line>/issue|return}; till sales, {@code POS-…}), counted on the day they were booked in the
 * retailer's time zone.
 */
public class SalesHistory {

    private static final String SALES = """
            select sku, day, sum(quantity) from (
                select sku, day, quantity from hub.sales_history where store_id = ? and day >= ? and day < ? %s
                union all
                select sku, (created_at at time zone ?)::date, quantity from hub.stock_posting
                 where store_id = ? and created_at >= ? and created_at < ? %s
                   and (posting_ref like 'POS-%%' or posting_ref like '%%/issue' or posting_ref like '%%/return')
            ) sales group by sku, day""";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public SalesHistory(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** Every article's daily sales in the {@code days} days before {@code until}, by SKU (an article without any sale is absent). */
    public Map<String, DemandSeries> daily(String storeId, LocalDate until, int days) {
        return query(storeId, (List<String>) null, until, days);
    }

    /** One article's daily sales in the {@code days} days before {@code until}; empty without any sale. */
    public Optional<DemandSeries> daily(String storeId, String sku, LocalDate until, int days) {
        return Optional.ofNullable(query(storeId, List.of(sku), until, days).get(sku));
    }

    /** These articles' daily sales in the {@code days} days before {@code until}, by SKU, in one query (an article without any sale is absent). */
    public Map<String, DemandSeries> daily(String storeId, Collection<String> skus, LocalDate until, int days) {
        return skus.isEmpty() ? Map.of() : query(storeId, List.copyOf(skus), until, days);
    }

    private Map<String, DemandSeries> query(String storeId, List<String> skus, LocalDate until, int days) {
        LocalDate from = until.minusDays(days);
        String onlyThese = skus == null ? "" : "and sku in (" + String.join(", ", Collections.nCopies(skus.size(), "?")) + ")";
        List<Object> arguments = new ArrayList<>(List.of(storeId, from, until));
        if (skus != null) {
            arguments.addAll(skus);
        }
        arguments.addAll(List.of(zone.getId(), storeId, Timestamp.from(from.atStartOfDay(zone).toInstant()),
                Timestamp.from(until.atStartOfDay(zone).toInstant())));
        if (skus != null) {
            arguments.addAll(skus);
        }
        Map<String, List<DailyQuantity>> records = new HashMap<>();
        jdbc.query(SALES.formatted(onlyThese, onlyThese), rs -> {
            records.computeIfAbsent(rs.getString(1), s -> new ArrayList<>())
                    .add(new DailyQuantity(rs.getObject(2, LocalDate.class), rs.getInt(3)));
        }, arguments.toArray());
        Map<String, DemandSeries> series = new HashMap<>();
        records.forEach((article, days1) -> series.put(article, DemandSeries.fromRecords(days1)));
        return series;
    }
}
