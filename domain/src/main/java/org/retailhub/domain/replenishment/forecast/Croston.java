package org.retailhub.domain.replenishment.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Croston's method for intermittent demand, and its Syntetos-Boylan approximation (SBA). Sizes of the non-zero
 * demands and the intervals between them are smoothed separately with one constant alpha, starting from the first
 * size and the first interval (counted from the day before the history), as R's {@code forecast::croston} does;
 * the forecast is size / interval, times (1 - alpha/2) for SBA.
 *
 * <p>Alpha is fitted by commons-math3's Brent optimiser on [{@value #LOWEST_ALPHA}, {@value #HIGHEST_ALPHA}],
 * minimising the squared one-step errors of the days after the first demand. The range keeps alpha where the
 * literature finds these methods work; beyond 0.3 in-sample error rewards chasing noise.
 */
final class Croston implements ForecastMethod {

    static final double LOWEST_ALPHA = 0.05;
    static final double HIGHEST_ALPHA = 0.3;

    private final boolean syntetosBoylan;

    Croston(boolean syntetosBoylan) {
        this.syntetosBoylan = syntetosBoylan;
    }

    @Override
    public ModelKind kind() {
        return syntetosBoylan ? ModelKind.SBA : ModelKind.CROSTON;
    }

    @Override
    public int minimumHistory() {
        return 1;
    }

    @Override
    public FittedModel fit(double[] history) {
        double alpha = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(500), GoalType.MINIMIZE,
                new SearchInterval(LOWEST_ALPHA, HIGHEST_ALPHA),
                new UnivariateObjectiveFunction(a -> fit(history, a).sse())).getPoint();
        return fit(history, alpha);
    }

    @Override
    public FittedModel replay(double[] history, FittedModel earlier) {
        return earlier instanceof Fitted previous ? fit(history, previous.alpha()) : fit(history);
    }

    /** The model with a given alpha (for checks against another implementation). */
    Fitted fit(double[] history, double alpha) {
        double size = Double.NaN;
        double interval = Double.NaN;
        int lastDemand = -1;
        double sse = 0;
        for (int t = 0; t < history.length; t++) {
            if (lastDemand >= 0) {
                double error = history[t] - ratio(syntetosBoylan, size, interval, alpha);
                sse += error * error;
            }
            if (history[t] > 0) {
                int gap = t - lastDemand;
                size = lastDemand < 0 ? history[t] : size + alpha * (history[t] - size);
                interval = lastDemand < 0 ? gap : interval + alpha * (gap - interval);
                lastDemand = t;
            }
        }
        return new Fitted(syntetosBoylan, alpha, size, interval, sse);
    }

    private static double ratio(boolean syntetosBoylan, double size, double interval, double alpha) {
        return size / interval * (syntetosBoylan ? 1 - alpha / 2 : 1);
    }

    /**
     * The fitted model: alpha, the smoothed demand size and interval (NaN without any demand in the history: then
     * it forecasts zero), and {@code sse}, the sum of squared one-step errors after the first demand that the fit
     * minimised.
     */
    record Fitted(boolean syntetosBoylan, double alpha, double size, double interval, double sse)
            implements FittedModel {

        @Override
        public double[] forecast(int horizon) {
            double[] path = new double[horizon];
            Arrays.fill(path, Double.isNaN(size) ? 0 : ratio(syntetosBoylan, size, interval, alpha));
            return path;
        }

        /** alpha, the smoothed demand size and interval (days), sse. */
        @Override
        public Map<String, Double> parameters() {
            Map<String, Double> parameters = new LinkedHashMap<>();
            parameters.put("alpha", alpha);
            if (!Double.isNaN(size)) {
                parameters.put("size", size);
                parameters.put("interval", interval);
            }
            parameters.put("sse", sse);
            return parameters;
        }
    }
}
