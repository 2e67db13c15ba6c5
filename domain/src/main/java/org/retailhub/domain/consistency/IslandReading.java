package org.retailhub.domain.consistency;

import java.util.List;

/**
 * What an island's change means in the hub's language.
 *
 * @param records the canonical records the changed row carries (a till item row carries an article and a price)
 * @param sale    a till sale, when the change was one
 * @param echo    the hub itself wrote this change into the island: apply nothing, propagate nothing
 * @param consent the customer's consent to tracking as the row states it (the CRM's contact); null when the row says
 *                nothing of it
 */
public record IslandReading(List<CanonicalRecord> records, StockSale sale, boolean echo, Boolean consent) {

    public static IslandReading of(boolean echo, CanonicalRecord... records) {
        return new IslandReading(List.of(records), null, echo, null);
    }

    public static IslandReading sale(StockSale sale) {
        return new IslandReading(List.of(), sale, false, null);
    }

    public static IslandReading nothing() {
        return new IslandReading(List.of(), null, true, null);
    }

    /** The same reading, stating the customer's consent to tracking. */
    public IslandReading withConsent(boolean granted) {
        return new IslandReading(records, sale, echo, granted);
    }
}
