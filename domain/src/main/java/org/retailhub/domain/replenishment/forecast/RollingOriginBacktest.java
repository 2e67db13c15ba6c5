package org.retailhub.domain.replenishment.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses between models the way they will be used: fitted to the past only, judged on the days after it. The last
 * origin leaves {@code horizon} days to forecast at the end of the history; each earlier one is
 * {@code originSpacing} days before, as long as two weeks of history stay before it (what Holt-Winters needs).
 */
final class RollingOriginBacktest {

    static final int SHORTEST_TRAINING = 2 * SeasonalNaive.WEEK;

    private RollingOriginBacktest() {
    }

    /**
     * The backtest, the candidates it had to leave out, and each candidate's model as fitted at the first origin
     * (the warm start of its fit to the whole history).
     */
    record Outcome(Backtest backtest, List<ForecastNote> notes, Map<ModelKind, FittedModel> firstFits) {
    }

    /** Positions (days from the start) of the origins for a history of {@code days}, oldest first; maybe none. */
    static int[] origins(int days, ForecastSettings settings) {
        List<Integer> origins = new ArrayList<>();
        for (int origin = days - settings.horizon();
             origin >= SHORTEST_TRAINING && origins.size() < settings.backtestOrigins();
             origin -= settings.originSpacing()) {
            origins.add(0, origin);
        }
        return origins.stream().mapToInt(Integer::intValue).toArray();
    }

    static Outcome run(double[] y, LocalDate firstDay, List<ForecastMethod> candidates, int[] origins, int horizon) {
        Map<ModelKind, Double> errors = new LinkedHashMap<>();
        Map<ModelKind, FittedModel> firstFits = new LinkedHashMap<>();
        List<ForecastNote> notes = new ArrayList<>();
        for (ForecastMethod candidate : candidates) {
            try {
                FittedModel first = candidate.fit(Arrays.copyOf(y, origins[0]));
                errors.put(candidate.kind(), meanAbsoluteError(y, candidate, first, origins, horizon));
                firstFits.put(candidate.kind(), first);
            } catch (RuntimeException failed) {
                notes.add(new ForecastNote(ForecastNote.Reason.FIT_FAILED, 0,
                        candidate.kind() + " left out of the choice: " + failed.getMessage()));
            }
        }
        double seasonalScale = seasonalNaiveScale(y);
        boolean scaled = seasonalScale > 0;
        double scale = scaled ? seasonalScale : Arrays.stream(y).average().orElseThrow();
        errors.replaceAll((kind, mae) -> mae / scale);
        List<LocalDate> originDays = Arrays.stream(origins).mapToObj(firstDay::plusDays).toList();
        return new Outcome(new Backtest(originDays, horizon, scaled ? "MASE" : "MAE/mean", scale, errors), notes, firstFits);
    }

    private static double meanAbsoluteError(double[] y, ForecastMethod candidate, FittedModel first, int[] origins,
                                            int horizon) {
        double sum = 0;
        for (int origin : origins) {
            FittedModel fitted = origin == origins[0] ? first : candidate.replay(Arrays.copyOf(y, origin), first);
            double[] forecast = fitted.forecast(horizon);
            for (int h = 0; h < horizon; h++) {
                double expected = Math.max(0, forecast[h]);
                if (!Double.isFinite(expected)) {
                    throw new IllegalStateException("forecast from day " + origin + " is not a number");
                }
                sum += Math.abs(y[origin + h] - expected);
            }
        }
        return sum / ((double) origins.length * horizon);
    }

    /** Mean absolute difference between a day and the same weekday a week before, over the whole history. */
    static double seasonalNaiveScale(double[] y) {
        int week = SeasonalNaive.WEEK;
        double sum = 0;
        for (int t = week; t < y.length; t++) {
            sum += Math.abs(y[t] - y[t - week]);
        }
        return y.length > week ? sum / (y.length - week) : 0;
    }
}
