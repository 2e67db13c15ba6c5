package org.retailhub.domain.replenishment.forecast;

/**
 * How far to forecast and how to choose the model.
 *
 * @param horizon          days to forecast after the history; the backtest forecasts as far from each origin
 * @param backtestOrigins  how many rolling origins the backtest uses at most
 * @param originSpacing    days between two origins
 * @param outlierCutoff    robust standard deviations above its usual level from which a day is capped
 */
public record ForecastSettings(int horizon, int backtestOrigins, int originSpacing, double outlierCutoff) {

    /** 14 days ahead, four origins a week apart, spikes capped at 5 robust standard deviations. */
    public static final ForecastSettings DEFAULT = new ForecastSettings(14, 4, 7, 5.0);

    public ForecastSettings {
        if (horizon < 1 || horizon > 366) {
            throw new IllegalArgumentException("horizon must be 1 to 366 days: " + horizon);
        }
        if (backtestOrigins < 1 || backtestOrigins > 52) {
            throw new IllegalArgumentException("backtest origins must be 1 to 52: " + backtestOrigins);
        }
        if (originSpacing < 1) {
            throw new IllegalArgumentException("origin spacing must be at least one day: " + originSpacing);
        }
        if (!(outlierCutoff > 0) || Double.isInfinite(outlierCutoff)) {
            throw new IllegalArgumentException("outlier cutoff must be a positive number: " + outlierCutoff);
        }
    }
}
