package org.retailhub.domain.replenishment.forecast;

import java.util.Map;

/** A model fitted to one history, ready to forecast the days after it. */
interface FittedModel {

    /** Expected demand for the next {@code horizon} days after the history, first day first (may be negative). */
    double[] forecast(int horizon);

    /** The fitted parameters and final states by name, in a stable order, for people and for reference checks. */
    Map<String, Double> parameters();
}
