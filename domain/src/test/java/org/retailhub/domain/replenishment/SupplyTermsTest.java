package org.retailhub.domain.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.shared.Money;

class SupplyTermsTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    private static SupplyTerms terms(int packSize, int minimumOrder, DayOfWeek... orderDays) {
        return new SupplyTerms("SKU-0001", "SUP-100", 2, 0.5, packSize, minimumOrder, Set.of(orderDays), Money.of("1.00", "EUR"));
    }

    @Test
    void theNextOrderDayIsCountedFromTomorrowAndAWeeklySupplierWaitsAWeek() {
        SupplyTerms twiceAWeek = terms(1, 0, DayOfWeek.MONDAY, DayOfWeek.THURSDAY);

        assertThat(twiceAWeek.daysToNextOrderDay(MONDAY)).isEqualTo(3);
        assertThat(twiceAWeek.daysToNextOrderDay(MONDAY.plusDays(3))).isEqualTo(4);
        assertThat(twiceAWeek.daysToNextOrderDay(MONDAY.plusDays(1))).isEqualTo(2);
        assertThat(terms(1, 0, DayOfWeek.FRIDAY).daysToNextOrderDay(MONDAY.plusDays(4))).isEqualTo(7);
        assertThat(twiceAWeek.takesOrdersOn(MONDAY)).isTrue();
        assertThat(twiceAWeek.takesOrdersOn(MONDAY.plusDays(1))).isFalse();
    }

    @Test
    void theSmallestOrderIsTheMinimumInWholePacksOrOnePack() {
        assertThat(terms(6, 40, DayOfWeek.MONDAY).smallestOrder()).isEqualTo(42);
        assertThat(terms(6, 36, DayOfWeek.MONDAY).smallestOrder()).isEqualTo(36);
        assertThat(terms(6, 0, DayOfWeek.MONDAY).smallestOrder()).isEqualTo(6);
    }

    @Test
    void termsThatCannotBeOrderedByAreRefusedNamingTheArticle() {
        assertThatThrownBy(() -> terms(0, 0, DayOfWeek.MONDAY)).hasMessage("pack size of SKU-0001 must be at least 1: 0");
        assertThatThrownBy(() -> terms(1, 0)).hasMessageContaining("needs at least one order day");
        assertThatThrownBy(() -> new SupplyTerms("SKU-0001", "SUP-100", -1, 0, 1, 0, Set.of(DayOfWeek.MONDAY), Money.of("1", "EUR")))
                .hasMessageContaining("lead time of SKU-0001");
    }

    @Test
    void theInventoryPositionIsOnHandPlusOnOrderLessReserved() {
        assertThat(new InventoryPosition(20, 12, 2).position()).isEqualTo(30);
        assertThat(new InventoryPosition(0, 0, 5).position()).isEqualTo(-5);
    }

    @Test
    void serviceLevelsGiveTheNormalQuantilePerCategory() {
        ServiceLevels levels = new ServiceLevels(Map.of("GROCERY", 0.98), 0.95);

        // Python: statistics.NormalDist().inv_cdf(0.95), inv_cdf(0.98)
        assertThat(levels.z("HOME")).isCloseTo(1.6448536269514715, within(1e-9));
        assertThat(levels.z("GROCERY")).isCloseTo(2.0537489106318225, within(1e-9));
        assertThat(ServiceLevels.everywhere(0.5).z("TOYS")).isCloseTo(0, within(1e-9));
        assertThatThrownBy(() -> ServiceLevels.everywhere(1.0)).hasMessageContaining("below 1");
    }
}
