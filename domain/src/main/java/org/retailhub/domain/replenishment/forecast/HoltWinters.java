package org.retailhub.domain.replenishment.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Holt-Winters exponential smoothing with a weekly season, additive or multiplicative, written to the same
 * conventions as R's {@code stats::HoltWinters} so that anyone can check it there: start values from a classical
 * decomposition of the first two weeks ({@link SeasonStart}), the first week only starts the filter, and the
 * smoothing parameters minimise the sum of squared one-step errors from day 8 on, each within [0, 1].
 *
 * <p>The optimiser is commons-math3's Nelder-Mead simplex (derivative-free; kept within the bounds as
 * {@link #minimise} says), started from the best of R's start point and a coarse grid of 36 points: the error
 * surface often has more than one valley, and 37 filter runs cost less than a second search. A {@link #refit} to a
 * longer stretch of the same history starts from the earlier parameters with a narrow simplex instead, and a
 * {@link #replay} keeps them (what the backtest does between origins). (commons-math3's BOBYQA finds the same minima
 * but spends ~6 times as long in its own bookkeeping, as measured on the two-year reference series.)
 */
final class HoltWinters implements ForecastMethod {

    static final int WEEK = SeasonalNaive.WEEK;
    /** R's start point, and a coarse grid over [0, 1]^3: the search starts from whichever of them fits best. */
    private static final double[] R_START = {0.3, 0.1, 0.1};
    private static final double[] GRID_ALPHA = {0.05, 0.2, 0.5, 0.8};
    private static final double[] GRID_BETA = {0, 0.01, 0.1};
    private static final double[] GRID_GAMMA = {0.05, 0.2, 0.5};
    /** First simplex edge: wide from the grid, narrow from the parameters of an earlier stretch of the same history. */
    private static final double WIDE_STEP = 0.1;
    private static final double NARROW_STEP = 0.02;
    // what the objective answers where the filter breaks down (a level of zero in the multiplicative model)
    private static final double UNUSABLE = 1e300;

    private final boolean multiplicative;

    HoltWinters(boolean multiplicative) {
        this.multiplicative = multiplicative;
    }

    @Override
    public ModelKind kind() {
        return multiplicative ? ModelKind.HOLT_WINTERS_MULTIPLICATIVE : ModelKind.HOLT_WINTERS_ADDITIVE;
    }

    @Override
    public int minimumHistory() {
        return 2 * WEEK;
    }

    @Override
    public FittedModel fit(double[] history) {
        return search(history, HoltWinters::bestOfGrid, WIDE_STEP);
    }

    /** Warm start from parameters fitted to an earlier stretch of the same history: one short search from there. */
    @Override
    public FittedModel refit(double[] history, FittedModel earlier) {
        if (!(earlier instanceof Fitted previous)) {
            return fit(history);
        }
        return search(history, sse -> new double[] {previous.alpha(), previous.beta(), previous.gamma()}, NARROW_STEP);
    }

    private Fitted search(double[] history, Function<MultivariateFunction, double[]> from, double step) {
        SeasonStart start = SeasonStart.of(history, multiplicative);
        MultivariateFunction sse = p -> usable(sse(history, start, p[0], p[1], p[2]));
        double[] p = minimise(sse, from.apply(sse), step).getPoint();
        return filter(history, start, p[0], p[1], p[2]);
    }

    private static double[] bestOfGrid(MultivariateFunction sse) {
        double[] best = R_START;
        double lowest = sse.value(best);
        for (double alpha : GRID_ALPHA) {
            for (double beta : GRID_BETA) {
                for (double gamma : GRID_GAMMA) {
                    double[] point = {alpha, beta, gamma};
                    double value = sse.value(point);
                    if (value < lowest) {
                        lowest = value;
                        best = point;
                    }
                }
            }
        }
        return best;
    }

    @Override
    public FittedModel replay(double[] history, FittedModel earlier) {
        if (!(earlier instanceof Fitted previous)) {
            return fit(history);
        }
        return fit(history, previous.alpha(), previous.beta(), previous.gamma());
    }

    /**
     * Nelder-Mead from one start. The simplex may step outside [0, 1]: there the SSE is taken at the nearest point
     * inside and grows with the distance, so the search comes back and can end on a bound (beta = 0 is common).
     */
    private static PointValuePair minimise(MultivariateFunction sse, double[] guess, double step) {
        MultivariateFunction bounded = p -> {
            double[] inside = inside(p);
            double outside = 0;
            for (int i = 0; i < p.length; i++) {
                outside += Math.abs(p[i] - inside[i]);
            }
            return sse.value(inside) * (1 + outside);
        };
        try {
            PointValuePair found = new SimplexOptimizer(1e-12, 1e-12).optimize(new MaxEval(4000), GoalType.MINIMIZE,
                    new InitialGuess(guess), new NelderMeadSimplex(3, step), new ObjectiveFunction(bounded));
            return new PointValuePair(inside(found.getPoint()), found.getValue());
        } catch (TooManyEvaluationsException endless) {
            return new PointValuePair(guess, sse.value(guess));
        }
    }

    private static double[] inside(double[] p) {
        double[] inside = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            inside[i] = Math.min(1, Math.max(0, p[i]));
        }
        return inside;
    }

    /** The model with given smoothing parameters (for checks against another implementation). */
    Fitted fit(double[] history, double alpha, double beta, double gamma) {
        return fit(history, SeasonStart.of(history, multiplicative), alpha, beta, gamma);
    }

    private Fitted fit(double[] history, SeasonStart start, double alpha, double beta, double gamma) {
        if (history.length < minimumHistory()) {
            throw new IllegalArgumentException("Holt-Winters needs two weeks of history, got " + history.length + " days");
        }
        return filter(history, start, alpha, beta, gamma);
    }

    private static double usable(double sse) {
        return Double.isFinite(sse) ? sse : UNUSABLE;
    }

    /** Runs the smoothing filter over the history from day 8 on, as R's C routine does. */
    private Fitted filter(double[] y, SeasonStart start, double alpha, double beta, double gamma) {
        double[] state = new double[3 + WEEK];
        double sse = run(y, start, alpha, beta, gamma, state);
        double[] lastWeek = new double[WEEK];
        for (int day = 0; day < WEEK; day++) {
            lastWeek[day] = state[3 + (y.length + day) % WEEK];
        }
        return new Fitted(multiplicative, alpha, beta, gamma, state[0], state[1], lastWeek, sse);
    }

    private double sse(double[] y, SeasonStart start, double alpha, double beta, double gamma) {
        return run(y, start, alpha, beta, gamma, new double[3 + WEEK]);
    }

    /**
     * The filter itself; leaves level, trend and the seasons of the last week (by weekday position t % 7) in
     * {@code state} and answers the SSE. The seasons live in a ring of seven: day t replaces the season of day t - 7.
     */
    private double run(double[] y, SeasonStart start, double alpha, double beta, double gamma, double[] state) {
        double level = start.level();
        double trend = start.trend();
        double[] season = start.season();
        double[] ring = new double[WEEK];
        System.arraycopy(season, 0, ring, 0, WEEK);
        double sse = 0;
        for (int t = WEEK, slot = 0; t < y.length; t++, slot = slot == WEEK - 1 ? 0 : slot + 1) {
            double s = ring[slot];
            double previous = level;
            if (multiplicative) {
                double error = y[t] - (level + trend) * s;
                sse += error * error;
                level = alpha * (y[t] / s) + (1 - alpha) * (level + trend);
                trend = beta * (level - previous) + (1 - beta) * trend;
                ring[slot] = gamma * (y[t] / level) + (1 - gamma) * s;
            } else {
                double error = y[t] - (level + trend + s);
                sse += error * error;
                level = alpha * (y[t] - s) + (1 - alpha) * (level + trend);
                trend = beta * (level - previous) + (1 - beta) * trend;
                ring[slot] = gamma * (y[t] - level) + (1 - gamma) * s;
            }
        }
        state[0] = level;
        state[1] = trend;
        System.arraycopy(ring, 0, state, 3, WEEK);
        return sse;
    }

    private static double combine(boolean multiplicative, double base, double season) {
        return multiplicative ? base * season : base + season;
    }

    /**
     * The fitted model: parameters, final level and trend, the seasons of the next seven days ({@code season}), and
     * {@code sse}, the sum of squared one-step errors from day 8 on that the fit minimised (R's {@code SSE}).
     */
    record Fitted(boolean multiplicative, double alpha, double beta, double gamma, double level, double trend,
                  double[] season, double sse) implements FittedModel {

        @Override
        public double[] forecast(int horizon) {
            double[] path = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                path[h - 1] = combine(multiplicative, level + h * trend, season[(h - 1) % WEEK]);
            }
            return path;
        }

        /** alpha, beta, gamma; level, trend and s1..s7 (R's coefficients a, b, s1..s7); sse. */
        @Override
        public Map<String, Double> parameters() {
            Map<String, Double> parameters = new LinkedHashMap<>();
            parameters.put("alpha", alpha);
            parameters.put("beta", beta);
            parameters.put("gamma", gamma);
            parameters.put("level", level);
            parameters.put("trend", trend);
            for (int day = 0; day < WEEK; day++) {
                parameters.put("s" + (day + 1), season[day]);
            }
            parameters.put("sse", sse);
            return parameters;
        }
    }
}
