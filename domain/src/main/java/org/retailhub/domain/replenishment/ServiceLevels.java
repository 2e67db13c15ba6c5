package org.retailhub.domain.replenishment;

import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The cycle service level per article category: the probability that stock lasts from one delivery to the next, and
 * its safety factor z, the standard normal quantile of that probability.
 *
 * @param byCategory target per category (as the hub names categories: {@code ELECTRONICS}, {@code GROCERY}, ...)
 * @param otherwise  target of every category not listed
 */
public record ServiceLevels(Map<String, Double> byCategory, double otherwise) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    public ServiceLevels {
        byCategory = Map.copyOf(byCategory);
        byCategory.forEach(ServiceLevels::check);
        check("otherwise", otherwise);
    }

    private static void check(String category, double target) {
        if (!(target >= 0.5 && target < 1)) {
            throw new IllegalArgumentException("service level of " + category + " must be at least 0.5 and below 1: " + target);
        }
    }

    /** The same target for every category. */
    public static ServiceLevels everywhere(double target) {
        return new ServiceLevels(Map.of(), target);
    }

    public double target(String category) {
        return byCategory.getOrDefault(category, otherwise);
    }

    /** The safety factor: how many standard deviations of demand uncertainty the safety stock covers. */
    public double z(String category) {
        return STANDARD_NORMAL.inverseCumulativeProbability(target(category));
    }

    @Override
    public String toString() {
        return "ServiceLevels" + new TreeMap<>(byCategory) + ", otherwise " + otherwise;
    }
}
