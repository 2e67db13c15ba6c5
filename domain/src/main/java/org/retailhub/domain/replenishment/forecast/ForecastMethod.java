package org.retailhub.domain.replenishment.forecast;

/** A way to forecast daily demand: fits its parameters to a history. */
interface ForecastMethod {

    ModelKind kind();

    /** The fewest days of history {@link #fit} accepts. */
    int minimumHistory();

    /** Fits the model to the history (oldest first, at least {@link #minimumHistory()} days, none negative). */
    FittedModel fit(double[] history);
}
