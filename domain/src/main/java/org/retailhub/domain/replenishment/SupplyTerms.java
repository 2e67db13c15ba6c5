package org.retailhub.domain.replenishment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.retailhub.domain.shared.Money;

/**
 * What the supplier of one article agreed with the retailer, as the ERP's purchasing master data holds it.
 *
 * @param sku                the article
 * @param supplier           the supplier's number in the ERP
 * @param leadTimeDays       mean days from the order to the goods receipt
 * @param leadTimeSpreadDays standard deviation of the lead time, days (0: always on time)
 * @param packSize           units per pack; orders are whole packs
 * @param minimumOrder       the fewest units the supplier accepts in one order line (0: no minimum)
 * @param orderDays          weekdays on which the supplier takes orders
 * @param unitCost           purchase price of one unit
 */
public record SupplyTerms(String sku, String supplier, double leadTimeDays, double leadTimeSpreadDays, int packSize,
                          int minimumOrder, Set<DayOfWeek> orderDays, Money unitCost) {

    public SupplyTerms {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(unitCost, "unitCost");
        if (!(leadTimeDays >= 0) || Double.isInfinite(leadTimeDays) || leadTimeDays > 365) {
            throw new IllegalArgumentException("lead time of " + sku + " must be 0 to 365 days: " + leadTimeDays);
        }
        if (!(leadTimeSpreadDays >= 0) || leadTimeSpreadDays > 365) {
            throw new IllegalArgumentException("lead time spread of " + sku + " must be 0 to 365 days: " + leadTimeSpreadDays);
        }
        if (packSize < 1) {
            throw new IllegalArgumentException("pack size of " + sku + " must be at least 1: " + packSize);
        }
        if (minimumOrder < 0) {
            throw new IllegalArgumentException("minimum order of " + sku + " must not be negative: " + minimumOrder);
        }
        if (orderDays == null || orderDays.isEmpty()) {
            throw new IllegalArgumentException("supplier " + supplier + " of " + sku + " needs at least one order day");
        }
        if (unitCost.isNegative()) {
            throw new IllegalArgumentException("unit cost of " + sku + " must not be negative: " + unitCost);
        }
        orderDays = Set.copyOf(EnumSet.copyOf(orderDays));
    }

    public boolean takesOrdersOn(LocalDate day) {
        return orderDays.contains(day.getDayOfWeek());
    }

    /** Days from {@code day} to the supplier's next order day after it (1 to 7): how long an order today must last. */
    public int daysToNextOrderDay(LocalDate day) {
        for (int days = 1; days < 7; days++) {
            if (takesOrdersOn(day.plusDays(days))) {
                return days;
            }
        }
        return 7;
    }

    /** The supplier's smallest order line: the minimum order in whole packs (one pack where there is no minimum). */
    public int smallestOrder() {
        return Math.max(1, (minimumOrder + packSize - 1) / packSize) * packSize;
    }
}
