package org.retailhub.domain.replenishment.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemandCleansingTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    private static final double[] WEEK = {10, 10, 10, 10, 12, 20, 5};

    private static double[] weeks(int count) {
        double[] y = new double[count * 7];
        for (int t = 0; t < y.length; t++) {
            y[t] = WEEK[t % 7];
        }
        return y;
    }

    @Test
    void aOneOffSpikeIsCappedAtItsWeekdaysUsualLevelPlusFiveRobustDeviations() {
        double[] y = weeks(5);
        y[17] = 100;

        DemandCleansing.Cleansed cleansed = DemandCleansing.cleanse(DemandSeries.of(MONDAY, y), 5);

        // Day 17 is a Thursday (usual 10: the median of its weekday around it). Every other day is at its usual
        // level, so the median absolute deviation is 0 and the spread is 1.2533 x the mean one: 1.2533 x 90 / 35.
        assertThat(cleansed.values()[17]).isCloseTo(10 + 5 * 1.2533 * 90 / 35, within(1e-9));
        assertThat(cleansed.notes()).singleElement().satisfies(note -> {
            assertThat(note.reason()).isEqualTo(ForecastNote.Reason.OUTLIERS_CAPPED);
            assertThat(note.days()).isEqualTo(1);
            assertThat(note.detail()).contains("2025-03-20 100.0→26.11");
        });
    }

    @Test
    void theWeeklyPeakIsNoSpike() {
        double[] y = weeks(6);
        for (int t = 0; t < y.length; t++) {
            y[t] += t % 3 - 1;   // some noise; Saturdays (20) stay twice the other days' level
        }

        DemandCleansing.Cleansed cleansed = DemandCleansing.cleanse(DemandSeries.of(MONDAY, y), 5);

        assertThat(cleansed.values()).containsExactly(y);
        assertThat(cleansed.notes()).isEmpty();
    }

    @Test
    void returnsAreNoNegativeDemandAndShortHistoriesAreNotCheckedForSpikes() {
        DemandCleansing.Cleansed cleansed = DemandCleansing.cleanse(DemandSeries.of(MONDAY, 3, -2, 5, -1, 50), 5);

        assertThat(cleansed.values()).containsExactly(3, 0, 5, 0, 50);
        assertThat(cleansed.notes()).extracting(ForecastNote::reason).containsExactly(
                ForecastNote.Reason.NEGATIVE_DAYS_CLIPPED, ForecastNote.Reason.TOO_SHORT_FOR_OUTLIER_CHECK);
        assertThat(cleansed.notes().get(0).days()).isEqualTo(2);
        assertThat(cleansed.notes().get(0).detail()).contains("2025-03-04 -2.000→0.000");
    }

    @Test
    void intermittentDemandIsJudgedOnItsDemandSizes() {
        double[] y = new double[42];
        double[] sizes = {1, 2, 2, 3, 2, 1, 40, 2, 3, 2};
        for (int i = 0; i < sizes.length; i++) {
            y[4 * i + 1] = sizes[i];
        }

        DemandCleansing.Cleansed cleansed = DemandCleansing.cleanse(DemandSeries.of(MONDAY, y), 5);

        // sizes: median 2; absolute deviations 1 0 0 1 0 1 38 0 1 0 -> median 0.5, spread 1.4826 x 0.5
        assertThat(cleansed.values()[25]).isCloseTo(2 + 5 * 1.4826 * 0.5, within(1e-9));
        assertThat(cleansed.notes()).extracting(ForecastNote::reason).containsExactly(ForecastNote.Reason.OUTLIERS_CAPPED);
        assertThat(cleansed.values()[13]).isEqualTo(3);
    }
}
