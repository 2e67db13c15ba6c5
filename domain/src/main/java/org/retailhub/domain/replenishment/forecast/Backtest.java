package org.retailhub.domain.replenishment.forecast;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the rolling-origin backtest found: each candidate was fitted to the history before each origin and
 * forecast {@code horizon} days from it; its error is the mean absolute error of all those forecasts divided by
 * {@code scale}, the series' own mean absolute difference between a day and the same weekday a week before
 * (MASE with a weekly seasonal naive scale). Below 1 beats last week's figures taken as they were, in-sample.
 *
 * @param origins first forecast day of each origin, oldest first
 * @param horizon days forecast from each origin
 * @param measure name of the error measure ({@code MASE}, or {@code MAE/mean} where the scale is zero)
 * @param scale   what the mean absolute errors were divided by
 * @param errors  each candidate's error, in the order tried
 */
public record Backtest(List<LocalDate> origins, int horizon, String measure, double scale, Map<ModelKind, Double> errors) {

    public Backtest {
        origins = List.copyOf(origins);
        Objects.requireNonNull(measure, "measure");
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }
}
