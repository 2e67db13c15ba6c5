package org.retailhub.domain.replenishment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.retailhub.domain.replenishment.forecast.DemandForecast;
import org.retailhub.domain.replenishment.forecast.DemandForecaster;
import org.retailhub.domain.replenishment.forecast.DemandSeries;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;

/** The forecast of one live series: an article's daily sales in a store up to yesterday, forecast as the planner does. */
public class ForecastLookup {

    /** The series as it was forecast, and its forecast. */
    public record Found(DemandSeries series, DemandForecast forecast) {
    }

    private final SalesHistory sales;
    private final Clock clock;
    private final ZoneId zone;
    private final int historyDays;

    public ForecastLookup(SalesHistory sales, Clock clock, ZoneId zone, int historyDays) {
        this.sales = sales;
        this.clock = clock;
        this.zone = zone;
        this.historyDays = historyDays;
    }

    /** The forecasts of these articles in the store from one read of their history; an article without sales in it is absent. */
    public Map<String, Found> forecasts(String storeId, Collection<String> skus, ForecastSettings settings) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        DemandForecaster forecaster = new DemandForecaster(settings);
        Map<String, Found> found = new HashMap<>();
        sales.daily(storeId, skus, today, historyDays).forEach((sku, history) -> {
            DemandSeries series = ReplenishmentPlanner.untilYesterday(history, today);
            found.put(sku, new Found(series, forecaster.forecast(series)));
        });
        return found;
    }

    /** Empty where the article has no sales in the store within the history the hub looks at. */
    public Optional<Found> forecast(String storeId, String sku, ForecastSettings settings) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return sales.daily(storeId, sku, today, historyDays).map(history -> {
            DemandSeries series = ReplenishmentPlanner.untilYesterday(history, today);
            return new Found(series, new DemandForecaster(settings).forecast(series));
        });
    }
}
