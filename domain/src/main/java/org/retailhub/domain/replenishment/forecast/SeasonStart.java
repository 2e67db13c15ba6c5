package org.retailhub.domain.replenishment.forecast;

/**
 * Holt-Winters start values from the first two weeks, as R's {@code HoltWinters} takes them from
 * {@code decompose()}: a centred 7-day moving average is the trend; the mean ratio (or difference) of each weekday
 * to it, normalised to mean 1 (or 0), is the season; a straight line through the moving averages gives the start
 * level (its intercept, one day before the first average) and trend (its slope).
 *
 * @param level  start level
 * @param trend  start trend per day
 * @param season start season of the first seven days
 */
record SeasonStart(double level, double trend, double[] season) {

    private static final int WEEK = SeasonalNaive.WEEK;
    private static final int HALF = WEEK / 2;

    static SeasonStart of(double[] y, boolean multiplicative) {
        int window = 2 * WEEK;
        if (y.length < window) {
            throw new IllegalArgumentException("start values need two weeks of history, got " + y.length + " days");
        }
        int averages = window - 2 * HALF;
        double[] movingAverage = new double[averages];
        double[] sum = new double[WEEK];
        int[] count = new int[WEEK];
        for (int t = HALF; t < window - HALF; t++) {
            double mean = 0;
            for (int k = t - HALF; k <= t + HALF; k++) {
                mean += y[k] / WEEK;
            }
            movingAverage[t - HALF] = mean;
            sum[t % WEEK] += multiplicative ? y[t] / mean : y[t] - mean;
            count[t % WEEK]++;
        }
        double[] figure = new double[WEEK];
        double total = 0;
        for (int day = 0; day < WEEK; day++) {
            figure[day] = sum[day] / count[day];
            total += figure[day];
        }
        for (int day = 0; day < WEEK; day++) {
            figure[day] = multiplicative ? figure[day] / (total / WEEK) : figure[day] - total / WEEK;
        }
        double[] line = straightLine(movingAverage);
        return new SeasonStart(line[0], line[1], figure);
    }

    /** Least squares intercept and slope of {@code values} against 1, 2, 3, ... */
    private static double[] straightLine(double[] values) {
        int n = values.length;
        double meanX = (n + 1) / 2.0;
        double meanY = 0;
        for (double v : values) {
            meanY += v / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i + 1 - meanX) * (values[i] - meanY);
            sxx += (i + 1 - meanX) * (i + 1 - meanX);
        }
        double slope = sxy / sxx;
        return new double[] {meanY - slope * meanX, slope};
    }
}
