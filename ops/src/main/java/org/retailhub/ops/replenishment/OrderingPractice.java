package org.retailhub.ops.replenishment;

/** A way of deciding orders, played day by day on one series of the simulation. */
interface OrderingPractice {

    /** The practice's name in the results. */
    String name();

    /**
     * What to order on day {@code t} (an order day of the supplier), before the day's sales.
     *
     * @param sales    the series' sales of the days before {@code t} (index = day)
     * @param onHand   units in the store this morning, after today's deliveries
     * @param onOrder  units ordered and not yet delivered
     */
    Decision decide(SyntheticDemand.Series series, int t, double[] sales, int onHand, int onOrder);

    /**
     * Units to order (0: none), and the daily forecast behind them from day {@code t} on, if the practice forecasts
     * (null otherwise).
     */
    record Decision(int quantity, double[] forecast) {
    }
}
