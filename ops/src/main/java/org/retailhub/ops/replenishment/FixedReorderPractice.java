package org.retailhub.ops.replenishment;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.retailhub.domain.replenishment.SupplyTerms;

/**
 * The retailer's practice today: a fixed reorder point and a fixed order quantity per article and store, set once
 * from last year's sales. Reorder point = mean daily sales × (lead time + mean days between order days) + z × the
 * daily standard deviation × √(the same days), the textbook safety stock for a stationary demand; order quantity =
 * two weeks of mean sales in whole packs, at least the minimum order. On an order day with the position at or
 * below the reorder point it orders that quantity (as many times as it takes to rise above it).
 */
final class FixedReorderPractice implements OrderingPractice {

    private static final int LAST_YEAR = 365;
    private static final int ORDER_WEEKS = 2;

    private final String name;
    private final double z;

    FixedReorderPractice(String name, double serviceLevel) {
        this.name = name;
        this.z = new NormalDistribution(null, 0, 1, 1e-9).inverseCumulativeProbability(serviceLevel);
    }

    @Override
    public String name() {
        return name;
    }

    /** Reorder point and quantity of a series, from its first {@value #LAST_YEAR} days. */
    record Setting(double reorderPoint, int quantity) {
    }

    Setting setting(SyntheticDemand.Series series) {
        double sum = 0;
        double squares = 0;
        for (int t = 0; t < LAST_YEAR; t++) {
            sum += series.demand()[t];
            squares += series.demand()[t] * series.demand()[t];
        }
        double mean = sum / LAST_YEAR;
        double deviation = Math.sqrt(Math.max(0, squares / LAST_YEAR - mean * mean));
        SupplyTerms terms = series.article().terms();
        double cover = terms.leadTimeDays() + 7.0 / terms.orderDays().size();
        double reorderPoint = mean * cover + z * deviation * Math.sqrt(cover);
        int packs = (int) Math.ceil(mean * 7 * ORDER_WEEKS / terms.packSize());
        return new Setting(reorderPoint, Math.max(terms.smallestOrder(), Math.max(1, packs) * terms.packSize()));
    }

    @Override
    public Decision decide(SyntheticDemand.Series series, int t, double[] sales, int onHand, int onOrder) {
        Setting setting = setting(series);
        int quantity = 0;
        while (onHand + onOrder + quantity <= setting.reorderPoint()) {
            quantity += setting.quantity();
        }
        return new Decision(quantity, null);
    }
}
