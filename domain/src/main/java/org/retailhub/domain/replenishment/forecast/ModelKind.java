package org.retailhub.domain.replenishment.forecast;

/** The forecasting models the hub knows: the candidates of the backtest and the two fallbacks. */
public enum ModelKind {
    /** Each day as the same weekday a week before: the baseline every other model has to beat. */
    SEASONAL_NAIVE,
    /** Level, trend and weekly season added together (Holt-Winters, additive). */
    HOLT_WINTERS_ADDITIVE,
    /** Level and trend times a weekly season factor (Holt-Winters, multiplicative); needs positive demand. */
    HOLT_WINTERS_MULTIPLICATIVE,
    /** Croston's method for intermittent demand: smoothed demand size over smoothed interval. */
    CROSTON,
    /** Syntetos-Boylan approximation: Croston's forecast times (1 - alpha/2), which removes its bias. */
    SBA,
    /** Fallback for less than a week of history: the mean of the days there are. */
    DAILY_MEAN,
    /** Fallback for a history without any demand: zero. */
    NO_DEMAND
}
