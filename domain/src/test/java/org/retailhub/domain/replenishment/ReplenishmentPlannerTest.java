package org.retailhub.domain.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.replenishment.forecast.DailyQuantity;
import org.retailhub.domain.replenishment.forecast.DemandSeries;
import org.retailhub.domain.replenishment.forecast.ForecastNote;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;
import org.retailhub.domain.shared.Money;

class ReplenishmentPlannerTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    private static final SupplyTerms WEEKLY_TEN_DAYS = new SupplyTerms("SKU-0001", "SUP-100", 10, 0, 1, 0,
            Set.of(DayOfWeek.MONDAY), Money.of("1.00", "EUR"));

    private final ReplenishmentPlanner planner = new ReplenishmentPlanner(ForecastSettings.DEFAULT, ServiceLevels.everywhere(0.95));

    private static double[] tenADay(int days) {
        double[] sales = new double[days];
        Arrays.fill(sales, 10);
        return sales;
    }

    @Test
    void daysWithoutSalesUpToYesterdayCountAsNoSalesAndTheForecastStartsToday() {
        // 42 days of history ending on the Friday before: Saturday and Sunday had no sales record
        DemandSeries history = DemandSeries.of(MONDAY.minusDays(44), tenADay(42));

        ReplenishmentPlanner.Plan plan = planner.plan(new ArticleSituation("STORE-001", "SKU-0001", "HOME", history, WEEKLY_TEN_DAYS,
                new InventoryPosition(0, 0, 0)), MONDAY);

        assertThat(plan.forecast().days().get(0).day()).isEqualTo(MONDAY);
        assertThat(plan.forecast().notes()).filteredOn(n -> n.reason() == ForecastNote.Reason.UNRECORDED_DAYS_AS_ZERO)
                .singleElement().extracting(ForecastNote::days).isEqualTo(2);
        // 10 days of lead time and 7 to the next Monday: the forecast reaches 17 days, beyond the default 14
        assertThat(plan.forecast().days()).hasSize(17);
        assertThat(plan.line().explanation().reviewDays()).isEqualTo(7);
    }

    @Test
    void aHistoryThatIncludesTodayIsRefused() {
        DemandSeries history = DemandSeries.of(MONDAY.minusDays(27), tenADay(28));

        assertThatThrownBy(() -> planner.plan(new ArticleSituation("STORE-001", "SKU-0001", "HOME", history, WEEKLY_TEN_DAYS,
                new InventoryPosition(0, 0, 0)), MONDAY)).hasMessageContaining("only days before today count");
    }

    /**
     * Ten a day, but 25 on the three days of a past promotion: the uplift is 75 / 30 = 2.5 (each promotion day
     * against the same weekdays 1–3 weeks before). Divided by it, the history is ten every day, so every model
     * forecasts 10; the two planned promotion days in the forecast become 25.
     */
    @Test
    void promotionsAreLearntFromThePastAndPlannedIntoTheForecast() {
        double[] sales = tenADay(42);
        LocalDate first = MONDAY.minusDays(42);
        sales[30] = sales[31] = sales[32] = 25;
        Set<LocalDate> promotions = Set.of(first.plusDays(30), first.plusDays(31), first.plusDays(32), MONDAY.plusDays(2), MONDAY.plusDays(3));

        ReplenishmentPlanner.Plan plan = planner.plan(new ArticleSituation("STORE-001", "SKU-0001", "HOME", DemandSeries.of(first, sales),
                WEEKLY_TEN_DAYS, new InventoryPosition(0, 0, 0), promotions), MONDAY);

        assertThat(plan.forecast().parameters().get("promotionUplift")).isCloseTo(2.5, within(1e-12));
        assertThat(plan.forecast().days().stream().limit(6).mapToDouble(DailyQuantity::quantity).toArray())
                .containsExactly(new double[] {10, 10, 25, 25, 10, 10}, within(1e-6));
        assertThat(plan.forecast().notes()).filteredOn(n -> n.reason() == ForecastNote.Reason.PROMOTION_UPLIFT)
                .singleElement().satisfies(n -> assertThat(n.detail()).contains("×2.500 learnt from 3 past promotion days", "2 planned"));
    }

    @Test
    void withoutPastPromotionsNothingIsScaled() {
        assertThat(PromotionUplift.estimate(tenADay(28), MONDAY, Set.of(MONDAY.plusDays(40)))).isEqualTo(PromotionUplift.NONE);
        // a promotion on the first days has no earlier weekday to compare with
        assertThat(PromotionUplift.estimate(tenADay(28), MONDAY, Set.of(MONDAY))).isEqualTo(PromotionUplift.NONE);
    }
}
