package org.retailhub.domain.consistency;

import java.util.List;

/**
 * What an island's change means in the hub's language.
 *
 * @param records the canonical records the changed row carries (a till item row carries an article and a price)
 * @param sale    a till sale, when the change was one
 * @param echo    the hub itself wrote this change into the island: apply nothing, propagate nothing
 */
public record IslandReading(List<CanonicalRecord> records, StockSale sale, boolean echo) {

    public static IslandReading of(boolean echo, CanonicalRecord... records) {
        return new IslandReading(List.of(records), null, echo);
    }

    public static IslandReading sale(StockSale sale) {
        return new IslandReading(List.of(), sale, false);
    }

    public static IslandReading nothing() {
        return new IslandReading(List.of(), null, true);
    }
}
