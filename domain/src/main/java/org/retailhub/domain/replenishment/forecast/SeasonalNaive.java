package org.retailhub.domain.replenishment.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The baseline: tomorrow sells what the same weekday sold a week ago. Nothing to fit. */
final class SeasonalNaive implements ForecastMethod {

    static final int WEEK = 7;

    @Override
    public ModelKind kind() {
        return ModelKind.SEASONAL_NAIVE;
    }

    @Override
    public int minimumHistory() {
        return WEEK;
    }

    @Override
    public FittedModel fit(double[] history) {
        int n = history.length;
        double[] lastWeek = Arrays.copyOfRange(history, n - WEEK, n);
        return new FittedModel() {
            @Override
            public double[] forecast(int horizon) {
                double[] path = new double[horizon];
                for (int h = 0; h < horizon; h++) {
                    path[h] = lastWeek[h % WEEK];
                }
                return path;
            }

            @Override
            public Map<String, Double> parameters() {
                Map<String, Double> parameters = new LinkedHashMap<>();
                for (int day = 0; day < WEEK; day++) {
                    parameters.put("s" + (day + 1), lastWeek[day]);
                }
                return parameters;
            }
        };
    }
}
