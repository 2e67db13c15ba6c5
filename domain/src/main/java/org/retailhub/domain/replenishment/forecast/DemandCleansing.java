package org.retailhub.domain.replenishment.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Prepares a demand history for fitting, and notes every change it makes.
 * <ul>
 *   <li>A negative day (more returned than sold) becomes zero: returns go back to stock, they are not negative
 *       demand.</li>
 *   <li>A spike from a one-off event is capped (winsorised) at its usual level plus {@code cutoff} robust standard
 *       deviations. The usual level of a day is the median of the same weekday in the three weeks before and after
 *       it, so a busy Saturday is not taken for a spike; the spread is 1.4826 × the median absolute deviation of
 *       all days from their usual level (1.2533 × the mean absolute deviation where the median one is zero). For
 *       intermittent demand (a demand on fewer than one day in 1.32, Syntetos-Boylan), the usual level is the median
 *       of the non-zero demand sizes instead. Histories under four weeks are not checked.</li>
 * </ul>
 */
final class DemandCleansing {

    /** Fewest days for the outlier check: four of each weekday. */
    static final int OUTLIER_CHECK_DAYS = 28;
    /** Mean interval between demands from which a history counts as intermittent (Syntetos-Boylan). */
    static final double INTERMITTENT_INTERVAL = 1.32;
    private static final int WEEKS_AROUND = 3;
    private static final int WEEK = SeasonalNaive.WEEK;
    private static final int LISTED_DAYS = 5;

    private DemandCleansing() {
    }

    /** The cleansed quantities and what was done to them. */
    record Cleansed(double[] values, List<ForecastNote> notes) {
    }

    static Cleansed cleanse(DemandSeries series, double cutoff) {
        double[] y = series.quantities();
        List<ForecastNote> notes = new ArrayList<>();
        if (series.unrecordedDays() > 0) {
            notes.add(new ForecastNote(ForecastNote.Reason.UNRECORDED_DAYS_AS_ZERO, series.unrecordedDays(),
                    series.unrecordedDays() + " days between the first and the last record had no sales record"));
        }
        Changes negatives = new Changes(series.firstDay());
        for (int t = 0; t < y.length; t++) {
            if (y[t] < 0) {
                negatives.note(t, y[t], 0);
                y[t] = 0;
            }
        }
        negatives.report(notes, ForecastNote.Reason.NEGATIVE_DAYS_CLIPPED, "set to zero");
        if (y.length < OUTLIER_CHECK_DAYS) {
            notes.add(new ForecastNote(ForecastNote.Reason.TOO_SHORT_FOR_OUTLIER_CHECK, y.length,
                    "outliers are looked for from " + OUTLIER_CHECK_DAYS + " days of history on"));
        } else {
            Changes capped = new Changes(series.firstDay());
            double[] ceiling = isIntermittent(y) ? sizeCeiling(y, cutoff) : weekdayCeiling(y, cutoff);
            for (int t = 0; t < y.length; t++) {
                if (y[t] > ceiling[t]) {
                    capped.note(t, y[t], ceiling[t]);
                    y[t] = ceiling[t];
                }
            }
            capped.report(notes, ForecastNote.Reason.OUTLIERS_CAPPED,
                    "capped at their usual level + " + cutoff + " robust standard deviations");
        }
        return new Cleansed(y, List.copyOf(notes));
    }

    static boolean isIntermittent(double[] y) {
        long demandDays = Arrays.stream(y).filter(q -> q > 0).count();
        return demandDays == 0 || (double) y.length / demandDays >= INTERMITTENT_INTERVAL;
    }

    private static double[] sizeCeiling(double[] y, double cutoff) {
        double[] sizes = Arrays.stream(y).filter(q -> q > 0).toArray();
        double usual = median(sizes);
        double[] ceiling = new double[y.length];
        Arrays.fill(ceiling, usual + cutoff * spread(sizes, usual));
        return ceiling;
    }

    private static double[] weekdayCeiling(double[] y, double cutoff) {
        double[] usual = new double[y.length];
        double[] deviation = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            double[] sameWeekday = new double[2 * WEEKS_AROUND + 1];
            int found = 0;
            for (int k = -WEEKS_AROUND; k <= WEEKS_AROUND; k++) {
                int day = t + k * WEEK;
                if (day >= 0 && day < y.length) {
                    sameWeekday[found++] = y[day];
                }
            }
            usual[t] = smallMedian(sameWeekday, found);
            deviation[t] = y[t] - usual[t];
        }
        double spread = spread(deviation, median(deviation));
        double[] ceiling = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            ceiling[t] = usual[t] + cutoff * spread;
        }
        return ceiling;
    }

    /** A robust standard deviation around {@code centre}; zero for values that do not vary. */
    private static double spread(double[] values, double centre) {
        double[] absolute = Arrays.stream(values).map(v -> Math.abs(v - centre)).toArray();
        double mad = median(absolute);
        return mad > 0 ? 1.4826 * mad : 1.2533 * Arrays.stream(absolute).average().orElse(0);
    }

    private static double median(double[] values) {
        return new Median().evaluate(values);
    }

    /**
     * The median of the first {@code count} values (at most a few), sorted in place by insertion: the same figure as
     * {@link Median} (the upper middle value's distance halved, for an even count) without its copies, which were
     * most of the cleansing's time on a two-year history.
     */
    private static double smallMedian(double[] values, int count) {
        for (int i = 1; i < count; i++) {
            double value = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > value) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
        double lower = values[(count - 1) / 2];
        return count % 2 == 1 ? lower : lower + 0.5 * (values[count / 2] - lower);
    }

    /** Changed days, for a note that names the first few. */
    private static final class Changes {
        private final LocalDate firstDay;
        private final List<String> listed = new ArrayList<>();
        private int count;

        Changes(LocalDate firstDay) {
            this.firstDay = firstDay;
        }

        void note(int t, double was, double now) {
            count++;
            if (listed.size() < LISTED_DAYS) {
                listed.add(String.format(Locale.ROOT, "%s %.4g→%.4g", firstDay.plusDays(t), was, now));
            }
        }

        void report(List<ForecastNote> notes, ForecastNote.Reason reason, String what) {
            if (count > 0) {
                String more = count > listed.size() ? ", …" : "";
                notes.add(new ForecastNote(reason, count,
                        count + " days " + what + ": " + String.join(", ", listed) + more));
            }
        }
    }
}
