package org.retailhub.domain.stockcount;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counted pieces per article against the ledger's, for the articles a count covers: an article of the ledger not found
 * at all was counted 0, an article found that the ledger lacks had 0 on the ledger. Only differences are returned.
 */
public final class CountComparison {

    private CountComparison() {
    }

    /**
     * @param ledger  pieces on the ledger per SKU, for every article the count covers
     * @param counted pieces found per SKU
     * @param prices  list price per SKU (missing: zero)
     */
    public static List<InventoryDifference> differences(Map<String, Integer> ledger, Map<String, Integer> counted, Map<String, BigDecimal> prices) {
        TreeSet<String> skus = new TreeSet<>(ledger.keySet());
        skus.addAll(counted.keySet());
        return skus.stream()
                .map(sku -> new InventoryDifference(sku, ledger.getOrDefault(sku, 0), counted.getOrDefault(sku, 0),
                        prices.getOrDefault(sku, BigDecimal.ZERO)))
                .filter(d -> d.difference() != 0)
                .toList();
    }

    /** The value of what is missing, at list price. */
    public static BigDecimal shrinkValue(List<InventoryDifference> differences) {
        return differences.stream().map(InventoryDifference::missingValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
