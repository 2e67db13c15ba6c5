package org.retailhub.ops.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.replenishment.SupplyTerms;
import org.retailhub.domain.shared.Money;

/** The simulation's bookkeeping by hand: 3 units demanded a day, after 28 days of history (so 30 units at the start). */
class StockSimulationTest {

    private static final SyntheticDemand CALENDAR = new SyntheticDemand(1, 1, 1, LocalDate.of(2025, 1, 6), 40);
    private static final SupplyTerms EVERY_DAY_TWO_DAYS = new SupplyTerms("SKU-0001", "SUP-101", 2, 0, 1, 0,
            EnumSet.allOf(DayOfWeek.class), Money.of("2.00", "EUR"));

    private static SyntheticDemand.Series threeADay(int days) {
        double[] demand = new double[days];
        Arrays.fill(demand, 3);
        return new SyntheticDemand.Series(new SyntheticDemand.Article(0, "SKU-0001", "HOME", false, EVERY_DAY_TWO_DAYS), "STORE-001", demand);
    }

    private static OrderingPractice ordering(int quantity) {
        return new OrderingPractice() {
            @Override
            public String name() {
                return "fixed " + quantity;
            }

            @Override
            public Decision decide(SyntheticDemand.Series series, int t, double[] sales, int onHand, int onOrder) {
                return new Decision(quantity, null);
            }
        };
    }

    @Test
    void ordersArriveAfterTheirLeadTimeAndTheStockIsCountedAtTheEndOfEachDay() {
        // 30 − 3 = 27, 24, then +6 −3 a day: 27, 30, 33, 36, 39, 42, 45, 48 → 351 unit-days over 10 days
        StockSimulation.Outcome outcome = StockSimulation.run(CALENDAR, threeADay(38), ordering(6), 28);

        assertThat(outcome.demanded()).isEqualTo(30);
        assertThat(outcome.sold()).isEqualTo(30);
        assertThat(outcome.stockOutDays()).isZero();
        assertThat(outcome.stockUnitDays()).isEqualTo(351);
        assertThat(outcome.stockValueDays()).isCloseTo(702, within(1e-9));
        assertThat(outcome.orders()).isEqualTo(10);
    }

    @Test
    void demandTheShelfCannotServeIsLostAndItsDaysCounted() {
        // 30 units last ten days; days 11 and 12 lose all their 3 units
        StockSimulation.Outcome outcome = StockSimulation.run(CALENDAR, threeADay(40), ordering(0), 28);

        assertThat(outcome.demanded()).isEqualTo(36);
        assertThat(outcome.sold()).isEqualTo(30);
        assertThat(outcome.stockOutDays()).isEqualTo(2);
        assertThat(PracticeResult.of("fixed 0", "", List.of(outcome), 12).fillRate()).isCloseTo(30.0 / 36, within(1e-12));
    }

    @Test
    void theRetailersTurnoverAtAFillRateIsReadOffTheLineBetweenItsRuns() {
        List<PracticeResult> runs = List.of(result("retailer", 0.90, 40), result("retailer", 0.96, 34), result("hub", 0.95, 90));

        // halfway from 0.90 to 0.96: halfway from 40 to 34
        assertThat(SimulationReport.turnoverAtFillRate(runs, "retailer", 0.93)).hasValueSatisfying(t -> assertThat(t).isCloseTo(37, within(1e-9)));
        assertThat(SimulationReport.turnoverAtFillRate(runs, "retailer", 0.97)).isEqualTo(Optional.empty());
    }

    private static PracticeResult result(String practice, double fillRate, double turnover) {
        return new PracticeResult(practice, "", fillRate, turnover, turnover, 0, 0, 0, 0, 0, null, null, null, null);
    }
}
