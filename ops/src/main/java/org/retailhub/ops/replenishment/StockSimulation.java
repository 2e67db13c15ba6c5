package org.retailhub.ops.replenishment;


/**
 * Plays one ordering practice on one series, day by day from {@code start} (the days before are the sales history,
 * as they happened): in the morning the deliveries due arrive and, on the supplier's order days, the practice
 * orders, to arrive after that order's actual lead time; then the day's demand is served from the shelf, and what the
 * shelf cannot serve is lost. The stock at the start is the same for every practice: ten days of the last four
 * weeks' mean demand.
 */
final class StockSimulation {

    /** Days of each forecast that are scored against the demand that followed. */
    static final int SCORED_DAYS = 7;
    private static final int WEEK = 7;

    private StockSimulation() {
    }

    /** What happened to one series under one practice. */
    record Outcome(long demanded, long sold, int stockOutDays, long stockUnitDays, double stockValueDays, double soldValue,
                   int orders, long unitsOrdered, Accuracy accuracy) {
    }

    /**
     * The practice's forecasts against the demand that followed, beside seasonal naive's (last week's sales again)
     * from the same days: sums of absolute errors and of demand over the scored days, and the series' seasonal naive
     * scale (mean absolute weekly difference of its history) for MASE.
     */
    record Accuracy(double forecastError, double naiveError, double demand, int days, double scale) {
        static final Accuracy NONE = new Accuracy(0, 0, 0, 0, 0);
    }

    static Outcome run(SyntheticDemand demand, SyntheticDemand.Series series, OrderingPractice practice, int start) {
        int days = series.days();
        double[] want = series.demand();
        double[] sales = new double[days];
        System.arraycopy(want, 0, sales, 0, start);
        int[] arriving = new int[days + 64];
        double unitCost = series.article().terms().unitCost().amount().doubleValue();
        int onHand = (int) Math.round(10 * mean(want, start - 28, start));
        int onOrder = 0;
        long demanded = 0;
        long sold = 0;
        int stockOutDays = 0;
        long stockUnitDays = 0;
        int orders = 0;
        long unitsOrdered = 0;
        double forecastError = 0;
        double naiveError = 0;
        double scoredDemand = 0;
        int scoredDays = 0;
        for (int t = start; t < days; t++) {
            onHand += arriving[t];
            onOrder -= arriving[t];
            if (series.article().terms().takesOrdersOn(demand.day(t))) {
                OrderingPractice.Decision decision = practice.decide(series, t, sales, onHand, onOrder);
                if (decision.quantity() > 0) {
                    arriving[t + SyntheticDemand.actualLeadTime(series, t)] += decision.quantity();
                    onOrder += decision.quantity();
                    orders++;
                    unitsOrdered += decision.quantity();
                }
                if (decision.forecast() != null) {
                    for (int h = 0; h < SCORED_DAYS && t + h < days && h < decision.forecast().length; h++) {
                        forecastError += Math.abs(decision.forecast()[h] - want[t + h]);
                        naiveError += Math.abs(sales[t - WEEK + h % WEEK] - want[t + h]);
                        scoredDemand += want[t + h];
                        scoredDays++;
                    }
                }
            }
            int wanted = (int) want[t];
            int served = Math.min(wanted, Math.max(0, onHand));
            sales[t] = served;
            onHand -= served;
            demanded += wanted;
            sold += served;
            if (served < wanted) {
                stockOutDays++;
            }
            stockUnitDays += onHand;
        }
        Accuracy accuracy = scoredDays == 0 ? Accuracy.NONE
                : new Accuracy(forecastError, naiveError, scoredDemand, scoredDays, naiveScale(want, start));
        return new Outcome(demanded, sold, stockOutDays, stockUnitDays, stockUnitDays * unitCost, sold * unitCost, orders,
                unitsOrdered, accuracy);
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += values[t];
        }
        return sum / (to - from);
    }

    /** Mean absolute difference between a day and the same weekday a week before, over the history. */
    private static double naiveScale(double[] history, int end) {
        double sum = 0;
        for (int t = WEEK; t < end; t++) {
            sum += Math.abs(history[t] - history[t - WEEK]);
        }
        return sum / (end - WEEK);
    }
}
