package org.retailhub.domain.replenishment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** Empty where the article has no sales in the store within the history the hub looks at. */
    public Optional<Found> forecast(String storeId, String sku, ForecastSettings settings) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return sales.daily(storeId, sku, today, historyDays).map(history -> {
            DemandSeries series = ReplenishmentPlanner.untilYesterday(history, today);
            return new Found(series, new DemandForecaster(settings).forecast(series));
        });
    }
}
