package org.retailhub.domain.pricing;

import java.util.Collection;
import java.util.Map;

/**
 * Port: how many days the stock of a store lasts at the forecast demand, per article: a live input of the promotion
 * table so analysts can write markdown rules (docs/promotions.md#stock-cover-markdowns).
 */
public interface StockCover {

    /** Days of cover no value reaches: the article has stock and no demand is forecast. */
    int NO_DEMAND = 999;

    /**
     * Whole days the store's stock on hand of each article lasts at its forecast daily demand, at most
     * {@link #NO_DEMAND}; absent where the demand is unknown (no sales of it in the store within the history read).
     */
    Map<String, Integer> daysOfCover(String storeId, Collection<String> skus);
}
