package org.retailhub.ops.replenishment;

import java.util.List;

/**
 * One practice over every series of the simulated year, summed up.
 *
 * @param practice        the practice's name
 * @param serviceLevel    its service level setting (a description)
 * @param fillRate        units sold / units demanded
 * @param turnover        cost of the units sold in the year / mean stock value at cost
 * @param turnoverUnits   units sold in the year / mean stock in units
 * @param stockOutDays    days on which some demand of a series went unserved, over all series
 * @param stockOutDaysPerSeries the same per series
 * @param averageStockUnits mean stock at the end of the day, units, summed over all series
 * @param averageStockValue the same at cost, EUR
 * @param orders          order lines placed
 * @param wape            forecast error: Σ |forecast − demand| / Σ demand over the first 7 days of each forecast (null: no forecast)
 * @param naiveWape       the same for seasonal naive from the same days
 * @param mase            mean over series of the mean absolute error / the series' seasonal naive scale (in-sample)
 * @param naiveMase       the same for seasonal naive
 */
record PracticeResult(String practice, String serviceLevel, double fillRate, double turnover, double turnoverUnits,
                      int stockOutDays, double stockOutDaysPerSeries, double averageStockUnits, double averageStockValue,
                      int orders, Double wape, Double naiveWape, Double mase, Double naiveMase) {

    static PracticeResult of(String practice, String serviceLevel, List<StockSimulation.Outcome> outcomes, int days) {
        long demanded = 0;
        long sold = 0;
        int stockOuts = 0;
        double stockUnits = 0;
        double stockValue = 0;
        double soldValue = 0;
        int orders = 0;
        double error = 0;
        double naive = 0;
        double scored = 0;
        double mase = 0;
        double naiveMase = 0;
        int scaled = 0;
        for (StockSimulation.Outcome o : outcomes) {
            demanded += o.demanded();
            sold += o.sold();
            stockOuts += o.stockOutDays();
            stockUnits += o.stockUnitDays() / (double) days;
            stockValue += o.stockValueDays() / days;
            soldValue += o.soldValue();
            orders += o.orders();
            StockSimulation.Accuracy a = o.accuracy();
            error += a.forecastError();
            naive += a.naiveError();
            scored += a.demand();
            if (a.days() > 0 && a.scale() > 0) {
                mase += a.forecastError() / a.days() / a.scale();
                naiveMase += a.naiveError() / a.days() / a.scale();
                scaled++;
            }
        }
        double year = 365.0 / days;
        boolean forecasts = scored > 0;
        return new PracticeResult(practice, serviceLevel, (double) sold / demanded, soldValue * year / stockValue,
                sold * year / stockUnits, stockOuts, (double) stockOuts / outcomes.size(), stockUnits, stockValue, orders,
                forecasts ? error / scored : null, forecasts ? naive / scored : null,
                forecasts ? mase / scaled : null, forecasts ? naiveMase / scaled : null);
    }
}
