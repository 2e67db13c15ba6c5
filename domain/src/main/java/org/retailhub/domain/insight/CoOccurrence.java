package org.retailhub.domain.insight;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One customer (or one till receipt) showed interest in {@code sku} and, shortly before, in {@code other}: the evidence item-to-item
 * recommendations are built from. With {@code other} equal to {@code sku} it is interest in the article alone, which
 * makes its popularity.
 *
 * @param category the category of {@code sku}; null when the source does not know it (a till sale)
 * @param weight   how strong the evidence is (from the two interactions' kinds)
 */
public record CoOccurrence(String sku, String category, String other, double weight, Instant at) {

    /** Interest in the article alone. */
    @JsonIgnore
    public boolean isPopularity() {
        return sku.equals(other);
    }
}
