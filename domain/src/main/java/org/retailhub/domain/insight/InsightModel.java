package org.retailhub.domain.insight;

import java.time.Duration;

/**
 * The knobs of the customer-insight model, shared by the stream that builds profiles and the recommender that reads
 * them.
 *
 * @param halfLife      after how long interest counts half (profiles' categories, co-occurrences, popularity)
 * @param recentItems   how many recent articles a profile keeps per customer (and pairs a new interaction with)
 * @param maxNeighbours how many co-occurring articles are kept per article (the weakest go first)
 * @param pairWindow    two interactions of one customer further apart than this say nothing about each other
 * @param justBought    an article bought within this time is not recommended to the same customer
 */
public record InsightModel(Duration halfLife, int recentItems, int maxNeighbours, Duration pairWindow, Duration justBought) {

    /** The figures the evaluation in {@code ops/insight} was run with. */
    public static InsightModel standard() {
        return new InsightModel(Duration.ofDays(14), 20, 50, Duration.ofDays(30), Duration.ofDays(30));
    }
}
