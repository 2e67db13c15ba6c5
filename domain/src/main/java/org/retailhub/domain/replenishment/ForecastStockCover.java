package org.retailhub.domain.replenishment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
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
 * One read per order whatever its number of lines (the stock of its articles); the forecast mean daily demand of an
 * article in a store is kept for {@code remembered} (forecasts move with a day's sales, not with each order), so the
 * sales history is read and forecast only for articles not priced recently: forecasting every line of every order cost
 * ~3 ms of CPU per article and a history query per order on the order path (ops/bench/RESULTS.md).
 */
public class ForecastStockCover implements StockCover {

    /** Articles x stores whose demand is kept; beyond it the least recently used are forecast again. */
    static final long MAX_REMEMBERED = 200_000;

    private final ForecastLookup forecasts;
    private final JdbcTemplate jdbc;
    private final ForecastSettings settings;
    /** Mean forecast daily demand per "store|sku"; NaN when the forecast knows no demand. */
    private final Cache<String, Double> dailyDemand;

    public ForecastStockCover(ForecastLookup forecasts, JdbcTemplate jdbc, ForecastSettings settings, Duration remembered) {
        this.forecasts = forecasts;
        this.jdbc = jdbc;
        this.settings = settings;
        this.dailyDemand = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(MAX_REMEMBERED).build();
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
        Map<String, Double> demand = new HashMap<>(dailyDemand.getAllPresent(articles.stream().map(sku -> key(storeId, sku)).toList()));
        List<String> unknown = articles.stream().filter(sku -> !demand.containsKey(key(storeId, sku))).toList();
        if (!unknown.isEmpty()) {
            Map<String, ForecastLookup.Found> found = forecasts.forecasts(storeId, unknown, settings);
            for (String sku : unknown) {
                ForecastLookup.Found forecast = found.get(sku);
                // no history: demand unknown (NaN), remembered too, so a new article is not forecast on every order
                double daily = forecast == null ? Double.NaN
                        : forecast.forecast().days().stream().mapToDouble(DailyQuantity::quantity).average().orElse(0);
                dailyDemand.put(key(storeId, sku), daily);
                demand.put(key(storeId, sku), daily);
            }
        }
        Map<String, Integer> cover = new HashMap<>();
        for (String sku : articles) {
            Double daily = demand.get(key(storeId, sku));
            if (daily != null && !daily.isNaN()) {
                cover.put(sku, days(onHand.getOrDefault(sku, 0), daily));
            }
        }
        return cover;
    }

    private static String key(String storeId, String sku) {
        return storeId + '|' + sku;
    }

    /** Whole days {@code onHand} lasts at the mean of the forecast days; {@link #NO_DEMAND} at most, and when none is forecast. */
    static int days(int onHand, List<DailyQuantity> forecast) {
        return days(onHand, forecast.stream().mapToDouble(DailyQuantity::quantity).average().orElse(0));
    }

    static int days(int onHand, double daily) {
        if (onHand <= 0) {
            return 0;
        }
        return daily <= 0 ? NO_DEMAND : (int) Math.min(NO_DEMAND, Math.floor(onHand / daily));
    }
}
