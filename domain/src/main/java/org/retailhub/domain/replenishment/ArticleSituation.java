package org.retailhub.domain.replenishment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.retailhub.domain.replenishment.forecast.DemandSeries;

/**
 * Everything the planner needs to know about one article in one store on the day it plans.
 *
 * @param storeId  the store
 * @param sku      the article
 * @param category its category (the service level depends on it)
 * @param history  its daily sales up to yesterday or earlier (days after the last record count as no sales)
 * @param terms    what its supplier agreed
 * @param position its inventory position now
 * @param promotionDays the days this article is (or was) on promotion in this store, past and planned
 */
public record ArticleSituation(String storeId, String sku, String category, DemandSeries history, SupplyTerms terms,
                              InventoryPosition position, Set<LocalDate> promotionDays) {

    /** An article without promotions. */
    public ArticleSituation(String storeId, String sku, String category, DemandSeries history, SupplyTerms terms,
                            InventoryPosition position) {
        this(storeId, sku, category, history, terms, position, Set.of());
    }

    public ArticleSituation {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(position, "position");
        promotionDays = Set.copyOf(promotionDays);
        if (!sku.equals(terms.sku())) {
            throw new IllegalArgumentException("supply terms of " + terms.sku() + " given for " + sku);
        }
    }
}
