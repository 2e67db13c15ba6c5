package org.retailhub.domain.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.replenishment.forecast.Backtest;
import org.retailhub.domain.replenishment.forecast.DailyQuantity;
import org.retailhub.domain.replenishment.forecast.DemandForecast;
import org.retailhub.domain.replenishment.forecast.ModelKind;
import org.retailhub.domain.shared.Money;

/**
 * The policy's figures by hand. The common case: 10 units a day forecast, a backtest error of MASE 0.5 on a scale
 * of 4 (mean absolute error 2 units a day, so a daily spread σ = 2 √(π/2) and σ² = 2π), lead time 3 ± 1 days,
 * packs of 6, orders on Monday and Thursday, service level 95 % (z = 1.6448536269514715, Python's
 * {@code statistics.NormalDist().inv_cdf(0.95)}). On a Monday the next order day is 3 days away: cover 6 days.
 * <pre>
 * safety stock  = z √(6 · 2π + 10² · 1²)     = 19.301578450525497
 * reorder point = 30 + z √(3 · 2π + 10² · 1²) = 47.93188885883653
 * order-up-to   = 60 + safety stock           = 79.3015784505255
 * </pre>
 */
class ReorderPolicyTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    private static final double Z_95 = 1.6448536269514715;
    private static final Money COST = Money.of("2.50", "EUR");

    private final ReorderPolicy policy = new ReorderPolicy(new ServiceLevels(Map.of("GROCERY", 0.98), 0.95));

    private static SupplyTerms terms(int minimumOrder) {
        return new SupplyTerms("SKU-0001", "SUP-100", 3, 1, 6, minimumOrder, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), COST);
    }

    private static DemandForecast forecast(LocalDate from, Optional<Backtest> backtest, double... days) {
        List<DailyQuantity> path = IntStream.range(0, days.length).mapToObj(d -> new DailyQuantity(from.plusDays(d), days[d])).toList();
        return new DemandForecast(ModelKind.HOLT_WINTERS_ADDITIVE, Map.of(), backtest, List.of(), path);
    }

    private static DemandForecast tenADay(LocalDate from) {
        Backtest backtest = new Backtest(List.of(from.minusDays(28)), 14, "MASE", 4.0, Map.of(ModelKind.HOLT_WINTERS_ADDITIVE, 0.5));
        return forecast(from, Optional.of(backtest), IntStream.range(0, 14).mapToDouble(d -> 10).toArray());
    }

    private ProposalLine propose(InventoryPosition position, int minimumOrder) {
        return policy.propose("STORE-001", "HOME", tenADay(MONDAY), terms(minimumOrder), position, MONDAY);
    }

    @Test
    void belowTheReorderPointTheShortfallIsRoundedUpToWholePacks() {
        ProposalLine line = propose(new InventoryPosition(20, 12, 2), 0);

        ProposalExplanation why = line.explanation();
        assertThat(why.position().position()).isEqualTo(30);
        assertThat(why.reviewDays()).isEqualTo(3);
        assertThat(why.demandOverLeadTime()).isEqualTo(30.0);
        assertThat(why.demandOverCover()).isEqualTo(60.0);
        assertThat(why.dailyErrorSpread()).isCloseTo(Math.sqrt(2 * Math.PI), within(1e-12));
        assertThat(why.errorFromBacktest()).isTrue();
        assertThat(why.z()).isCloseTo(Z_95, within(1e-9));
        assertThat(why.safetyStock()).isCloseTo(19.301578450525497, within(1e-8));
        assertThat(why.reorderPoint()).isCloseTo(47.93188885883653, within(1e-8));
        assertThat(why.orderUpTo()).isCloseTo(79.3015784505255, within(1e-8));
        // shortfall 49.3 units = 8.2 packs, up to 9 packs
        assertThat(line.quantity()).isEqualTo(54);
        assertThat(why.rule()).isEqualTo(ReorderRule.BELOW_REORDER_POINT);
        assertThat(line.value()).isEqualTo(Money.of("135.00", "EUR"));
        assertThat(why.text()).contains("Position 30 (on hand 20 + on order 12 − reserved 2)", "Safety stock 19.3",
                "Reorder point 47.9, order-up-to 79.3", "Rule: BELOW_REORDER_POINT");
    }

    @Test
    void aboveTheReorderPointTheShortfallIsRoundedToTheNearestPack() {
        // shortfall 29.3 units = 4.88 packs -> 5 packs
        ProposalLine line = propose(new InventoryPosition(50, 0, 0), 0);

        assertThat(line.quantity()).isEqualTo(30);
        assertThat(line.explanation().rule()).isEqualTo(ReorderRule.ORDER_UP_TO);
    }

    @Test
    void lessThanHalfAPackShortWaitsAndAFullPositionOrdersNothing() {
        // 78: shortfall 1.3 units = 0.22 packs; 80: above the order-up-to level
        assertThat(propose(new InventoryPosition(78, 0, 0), 0)).satisfies(line -> {
            assertThat(line.quantity()).isZero();
            assertThat(line.explanation().rule()).isEqualTo(ReorderRule.UNDER_HALF_A_PACK);
        });
        assertThat(propose(new InventoryPosition(80, 0, 0), 0)).satisfies(line -> {
            assertThat(line.ordersSomething()).isFalse();
            assertThat(line.explanation().rule()).isEqualTo(ReorderRule.POSITION_COVERS);
        });
    }

    @Test
    void aSmallerOrderIsRaisedToTheMinimumOrderInWholePacks() {
        // 30 units would do, the supplier takes at least 40, i.e. 7 packs of 6
        ProposalLine line = propose(new InventoryPosition(50, 0, 0), 40);

        assertThat(line.quantity()).isEqualTo(42);
        assertThat(line.explanation().rule()).isEqualTo(ReorderRule.MINIMUM_ORDER);
    }

    @Test
    void onADayTheSupplierTakesNoOrdersNothingIsProposed() {
        LocalDate tuesday = MONDAY.plusDays(1);

        ProposalLine line = policy.propose("STORE-001", "HOME", tenADay(tuesday), terms(0), new InventoryPosition(0, 0, 0), tuesday);

        assertThat(line.quantity()).isZero();
        assertThat(line.explanation().rule()).isEqualTo(ReorderRule.NOT_AN_ORDER_DAY);
        assertThat(line.explanation().reviewDays()).isEqualTo(2);
    }

    @Test
    void withoutABacktestTheDailySpreadIsThatOfPoissonDemandAndTheCategorysLevelApplies() {
        DemandForecast shortHistory = forecast(MONDAY, Optional.empty(), IntStream.range(0, 14).mapToDouble(d -> 10).toArray());

        ProposalExplanation why = policy.propose("STORE-001", "HOME", shortHistory, terms(0), new InventoryPosition(30, 0, 0), MONDAY)
                .explanation();
        ProposalExplanation grocery = policy.propose("STORE-001", "GROCERY", shortHistory, terms(0), new InventoryPosition(30, 0, 0), MONDAY)
                .explanation();

        // σ² = 10: z √(6 · 10 + 100) and 30 + z √(3 · 10 + 100)
        assertThat(why.errorFromBacktest()).isFalse();
        assertThat(why.dailyErrorSpread()).isCloseTo(Math.sqrt(10), within(1e-12));
        assertThat(why.safetyStock()).isCloseTo(20.805935515022288, within(1e-8));
        assertThat(why.reorderPoint()).isCloseTo(48.75421683335253, within(1e-8));
        assertThat(grocery.serviceLevel()).isEqualTo(0.98);
        assertThat(grocery.safetyStock()).isGreaterThan(why.safetyStock());
    }

    @Test
    void aFractionalLeadTimeCountsItsLastDayByItsFractionAndDaysBeforeTodayArePassedOver() {
        SupplyTerms halfDays = new SupplyTerms("SKU-0002", "SUP-100", 2.5, 0, 1, 0, Set.of(DayOfWeek.values()), COST);
        // the history ended three days ago, so its forecast starts two days before today; today's demand is the 12
        DemandForecast forecast = forecast(MONDAY.minusDays(2), Optional.empty(), 99, 99, 12, 16, 20, 24, 28);

        ProposalExplanation why = policy.propose("STORE-001", "HOME", forecast, halfDays, new InventoryPosition(0, 0, 0), MONDAY)
                .explanation();

        // lead 2.5 days: 12 + 16 + 0.5 · 20 = 38; cover 3.5 days (next order day tomorrow): 12 + 16 + 20 + 0.5 · 24 = 60
        assertThat(why.demandOverLeadTime()).isEqualTo(38.0);
        assertThat(why.demandOverCover()).isEqualTo(60.0);
    }

    @Test
    void aForecastFromTheFutureOrTooShortIsRefused() {
        assertThatThrownBy(() -> policy.propose("STORE-001", "HOME", tenADay(MONDAY.plusDays(1)), terms(0),
                new InventoryPosition(0, 0, 0), MONDAY)).hasMessageContaining("after today");
        DemandForecast fiveDays = forecast(MONDAY, Optional.empty(), 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> policy.propose("STORE-001", "HOME", fiveDays, terms(0), new InventoryPosition(0, 0, 0), MONDAY))
                .hasMessageContaining("covers 5 days from today, the policy needs 6");
        assertThat(ReorderPolicy.horizon(terms(0), MONDAY)).isEqualTo(6);
    }
}
