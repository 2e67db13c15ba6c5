package org.retailhub.domain.replenishment;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a promotion does to an article's sales in a store, learnt from its own past promotions: the ratio of the sales
 * on promotion days to the sales of the same weekdays one, two and three weeks earlier that had no promotion. The
 * planner divides past promotion days by it (so the forecast learns the usual level, not the promotion's) and
 * multiplies the forecast days of planned promotions by it.
 */
final class PromotionUplift {

    /** No promotion effect known: nothing is scaled. */
    static final double NONE = 1;
    /** The highest uplift believed: beyond it a past promotion day is taken for a one-off event. */
    static final double HIGHEST = 10;
    private static final int[] WEEKS_BEFORE = {7, 14, 21};

    private PromotionUplift() {
    }

    /**
     * The uplift of the promotions in the history (between 1 and {@value #HIGHEST}), or {@link #NONE} where no
     * promotion day in it has an earlier weekday to compare with.
     */
    static double estimate(double[] history, LocalDate firstDay, Set<LocalDate> promotionDays) {
        double promoted = 0;
        double usual = 0;
        for (int t = 0; t < history.length; t++) {
            if (!promotionDays.contains(firstDay.plusDays(t))) {
                continue;
            }
            double before = 0;
            int found = 0;
            for (int back : WEEKS_BEFORE) {
                if (t - back >= 0 && !promotionDays.contains(firstDay.plusDays(t - back))) {
                    before += history[t - back];
                    found++;
                }
            }
            if (found > 0) {
                promoted += history[t];
                usual += before / found;
            }
        }
        return usual > 0 ? Math.min(HIGHEST, Math.max(NONE, promoted / usual)) : NONE;
    }

    /** How many of the given days fall on promotion days. */
    static int count(LocalDate first, int days, Set<LocalDate> promotionDays) {
        int count = 0;
        for (int t = 0; t < days; t++) {
            if (promotionDays.contains(first.plusDays(t))) {
                count++;
            }
        }
        return count;
    }
}
