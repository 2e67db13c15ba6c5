package org.retailhub.domain.replenishment.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Forecasts the daily demand of one article in one store. The history is cleansed ({@link DemandCleansing}); every
 * model the history allows is tried in a rolling-origin backtest ({@link RollingOriginBacktest}); the one with the
 * lowest error (the simpler one on a tie, in the order of {@link ModelKind}) is fitted to the whole history and
 * forecasts. Short or empty histories take a recorded fallback instead. Stateless and safe to share.
 */
public final class DemandForecaster {

    private static final int WEEK = SeasonalNaive.WEEK;

    private final ForecastSettings settings;

    public DemandForecaster(ForecastSettings settings) {
        this.settings = settings;
    }

    public DemandForecast forecast(DemandSeries series) {
        DemandCleansing.Cleansed cleansed = DemandCleansing.cleanse(series, settings.outlierCutoff());
        double[] y = cleansed.values();
        List<ForecastNote> notes = new ArrayList<>(cleansed.notes());
        if (Arrays.stream(y).allMatch(q -> q == 0)) {
            notes.add(new ForecastNote(ForecastNote.Reason.ALL_ZERO, y.length, "no demand in the history: forecast zero"));
            return result(series, ModelKind.NO_DEMAND, Map.of(), Optional.empty(), notes, new double[settings.horizon()]);
        }
        if (y.length < WEEK) {
            notes.add(new ForecastNote(ForecastNote.Reason.TOO_SHORT_FOR_SEASON, y.length,
                    "less than a week of history: forecast its daily mean"));
            double mean = Arrays.stream(y).average().orElseThrow();
            double[] flat = new double[settings.horizon()];
            Arrays.fill(flat, mean);
            return result(series, ModelKind.DAILY_MEAN, Map.of("mean", mean), Optional.empty(), notes, flat);
        }
        List<ForecastMethod> candidates = candidates(y, notes);
        int[] origins = RollingOriginBacktest.origins(y.length, settings);
        ForecastMethod chosen;
        Optional<Backtest> backtest = Optional.empty();
        FittedModel fitted;
        if (origins.length == 0) {
            chosen = byRule(y, candidates, notes);
            fitted = chosen.fit(y);
        } else {
            if (origins.length < settings.backtestOrigins()) {
                notes.add(new ForecastNote(ForecastNote.Reason.FEWER_BACKTEST_ORIGINS, y.length, "backtest on "
                        + origins.length + " of " + settings.backtestOrigins() + " origins: the history is short"));
            }
            RollingOriginBacktest.Outcome outcome =
                    RollingOriginBacktest.run(y, series.firstDay(), candidates, origins, settings.horizon());
            notes.addAll(outcome.notes());
            backtest = Optional.of(outcome.backtest());
            chosen = best(candidates, outcome.backtest());
            fitted = chosen.refit(y, outcome.firstFits().get(chosen.kind()));
        }
        return result(series, chosen.kind(), fitted.parameters(), backtest, notes, fitted.forecast(settings.horizon()));
    }

    private static List<ForecastMethod> candidates(double[] y, List<ForecastNote> notes) {
        List<ForecastMethod> candidates = new ArrayList<>(List.of(new SeasonalNaive()));
        if (y.length < 2 * WEEK) {
            notes.add(new ForecastNote(ForecastNote.Reason.TOO_SHORT_FOR_SEASON, y.length,
                    "less than two weeks of history: no Holt-Winters"));
        } else {
            candidates.add(new HoltWinters(false));
            if (Arrays.stream(y).allMatch(q -> q > 0)) {
                candidates.add(new HoltWinters(true));
            } else {
                long zeroDays = Arrays.stream(y).filter(q -> q <= 0).count();
                notes.add(new ForecastNote(ForecastNote.Reason.MULTIPLICATIVE_NEEDS_POSITIVE_DATA, (int) zeroDays,
                        zeroDays + " days without demand: no multiplicative Holt-Winters"));
            }
        }
        candidates.add(new Croston(false));
        candidates.add(new Croston(true));
        return candidates;
    }

    /** Without a backtest: SBA for intermittent demand, else the seasonal naive baseline. */
    private static ForecastMethod byRule(double[] y, List<ForecastMethod> candidates, List<ForecastNote> notes) {
        boolean intermittent = DemandCleansing.isIntermittent(y);
        ModelKind kind = intermittent ? ModelKind.SBA : ModelKind.SEASONAL_NAIVE;
        notes.add(new ForecastNote(ForecastNote.Reason.TOO_SHORT_FOR_BACKTEST, y.length,
                "too short for a backtest (" + (RollingOriginBacktest.SHORTEST_TRAINING) + " + horizon days): "
                        + kind + (intermittent ? " for intermittent demand" : " as the baseline")));
        return candidates.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    private static ForecastMethod best(List<ForecastMethod> candidates, Backtest backtest) {
        return candidates.stream()
                .filter(c -> backtest.errors().containsKey(c.kind()))
                .min(Comparator.comparingDouble((ForecastMethod c) -> backtest.errors().get(c.kind()))
                        .thenComparing(ForecastMethod::kind))
                .orElseThrow(() -> new IllegalStateException("no candidate model could be fitted"));
    }

    private static DemandForecast result(DemandSeries series, ModelKind model, Map<String, Double> parameters,
                                         Optional<Backtest> backtest, List<ForecastNote> notes, double[] path) {
        long negative = Arrays.stream(path).filter(q -> q < 0).count();
        if (negative > 0) {
            notes.add(new ForecastNote(ForecastNote.Reason.NEGATIVE_FORECAST_CLIPPED, (int) negative,
                    negative + " forecast days below zero set to zero"));
        }
        List<DailyQuantity> days = IntStream.range(0, path.length)
                .mapToObj(h -> new DailyQuantity(series.lastDay().plusDays(h + 1L), Math.max(0, path[h])))
                .toList();
        return new DemandForecast(model, parameters, backtest, notes, days);
    }
}
