package org.retailhub.domain.replenishment.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandSeriesTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    @Test
    void daysWithoutARecordAreZeroSalesAndCountedAndSameDayRecordsAddUp() {
        DemandSeries series = DemandSeries.fromRecords(List.of(
                new DailyQuantity(MONDAY.plusDays(4), 2),
                new DailyQuantity(MONDAY, 3),
                new DailyQuantity(MONDAY.plusDays(1), 1),
                new DailyQuantity(MONDAY.plusDays(1), -1),
                new DailyQuantity(MONDAY.plusDays(1), 4)));

        assertThat(series.firstDay()).isEqualTo(MONDAY);
        assertThat(series.lastDay()).isEqualTo(MONDAY.plusDays(4));
        assertThat(series.quantities()).containsExactly(3, 4, 0, 0, 2);
        assertThat(series.unrecordedDays()).isEqualTo(2);
    }

    @Test
    void isAValueWhoseQuantitiesCannotBeChangedFromOutside() {
        double[] quantities = {1, 2, 3};
        DemandSeries series = DemandSeries.of(MONDAY, quantities);
        quantities[0] = 99;
        series.quantities()[1] = 99;

        assertThat(series).isEqualTo(DemandSeries.of(MONDAY, 1, 2, 3));
        assertThat(series.hashCode()).isEqualTo(DemandSeries.of(MONDAY, 1, 2, 3).hashCode());
    }

    @Test
    void refusesAnEmptyHistoryAndQuantitiesThatAreNoNumbers() {
        assertThatThrownBy(() -> DemandSeries.fromRecords(List.of())).hasMessageContaining("at least one day");
        assertThatThrownBy(() -> DemandSeries.of(MONDAY, 1, Double.NaN)).hasMessageContaining("2025-03-04");
    }
}
