package org.retailhub.domain.replenishment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retailhub.domain.pricing.StockCover;
import org.retailhub.domain.replenishment.forecast.DailyQuantity;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stock cover as replenishment sees it: the store's stock on hand ({@code hub.stock}) divided by the mean daily demand
 * the forecast expects over its horizon ({@link ForecastLookup}, the forecast the planner and the forecast API use).
 * Two reads per order whatever its number of lines: the stock of its articles, their sales history.
 */
public class ForecastStockCover implements StockCover {

    private final ForecastLookup forecasts;
    private final JdbcTemplate jdbc;
    private final ForecastSettings settings;

    public ForecastStockCover(ForecastLookup forecasts, JdbcTemplate jdbc, ForecastSettings settings) {
        this.forecasts = forecasts;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public Map<String, Integer> daysOfCover(String storeId, Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        List<String> articles = List.copyOf(skus);
        Map<String, Integer> onHand = new HashMap<>();
        List<Object> arguments = new ArrayList<>(List.of(storeId));
        arguments.addAll(articles);
        jdbc.query("select sku, on_hand from hub.stock where store_id = ? and sku in (" + String.join(", ", Collections.nCopies(articles.size(), "?")) + ")",
                rs -> {
                    onHand.put(rs.getString(1), rs.getInt(2));
                }, arguments.toArray());
        Map<String, Integer> cover = new HashMap<>();
        forecasts.forecasts(storeId, articles, settings).forEach((sku, found) ->
                cover.put(sku, days(onHand.getOrDefault(sku, 0), found.forecast().days())));
        return cover;
    }

    /** Whole days {@code onHand} lasts at the mean of the forecast days; {@link #NO_DEMAND} at most, and when none is forecast. */
    static int days(int onHand, List<DailyQuantity> forecast) {
        double daily = forecast.stream().mapToDouble(DailyQuantity::quantity).average().orElse(0);
        if (onHand <= 0) {
            return 0;
        }
        return daily <= 0 ? NO_DEMAND : (int) Math.min(NO_DEMAND, Math.floor(onHand / daily));
    }
}
