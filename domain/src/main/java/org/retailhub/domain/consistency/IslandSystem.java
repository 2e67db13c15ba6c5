package org.retailhub.domain.consistency;

import java.util.Map;
import java.util.Set;

/**
 * Port to one legacy island: reads its native rows in the hub's language and writes canonical records back in
 * its own schema. Implemented per island in {@code legacy-adapters}.
 */
public interface IslandSystem {

    Island island();

    /** The kinds of record this island keeps a copy of. */
    Set<EntityKind> holds();

    /** Maps a captured change; throws {@link UndecodableChangeException} when it cannot. */
    IslandReading read(IslandChange change);

    /** The record as this island can hold it (a till cuts names to 24 upper-case characters); compared against {@link #all}. */
    default CanonicalRecord asStored(CanonicalRecord record) {
        return record;
    }

    /** Every live record of a kind, by hub key; rows without a cross-reference appear under {@code ?<native key>}. */
    Map<String, CanonicalRecord> all(EntityKind kind);

    /**
     * Writes the record as the hub ({@link Island#HUB_WRITER}), creating it when missing; writes nothing when the
     * island already holds the same value, so replays are free. Returns whether a row changed.
     */
    boolean write(CanonicalRecord record);

    /** Retires a record the owner does not have (a deletion flag, as the island does it); key as in {@link #all}. */
    void retire(EntityKind kind, String key);

    /**
     * Erases the copy of a customer the hub keeps in this island (personal data erased on request): by default the
     * customer is retired; an island that keeps names and e-mails for the hub removes them too.
     */
    default void erase(String customerId) {
        retire(EntityKind.CUSTOMER, customerId);
    }

    /**
     * Posts a goods movement the hub queued (a till sale line, a committed order line, a return; negative quantity =
     * back into stock) to this island's stock, once per reference ({@link StockSale#receipt()}); only the stock owner
     * does anything. Called by {@link StockPostings}.
     */
    default void issueSoldGoods(StockSale sale) {
    }
}
