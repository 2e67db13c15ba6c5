package org.retailhub.domain.replenishment.forecast;

/** A way to forecast daily demand: fits its parameters to a history. */
interface ForecastMethod {

    ModelKind kind();

    /** The fewest days of history {@link #fit} accepts. */
    int minimumHistory();

    /** Fits the model to the history (oldest first, at least {@link #minimumHistory()} days, none negative). */
    FittedModel fit(double[] history);

    /**
     * Fits again to a longer stretch of the same history, starting the search from the parameters fitted to the
     * shorter one ({@code earlier}); the same as {@link #fit} for a model without a search.
     */
    default FittedModel refit(double[] history, FittedModel earlier) {
        return fit(history);
    }

    /**
     * The model with the parameters of {@code earlier}, its states run over {@code history}: what a rolling-origin
     * backtest forecasts from an origin without searching the parameters again.
     */
    default FittedModel replay(double[] history, FittedModel earlier) {
        return fit(history);
    }
}
