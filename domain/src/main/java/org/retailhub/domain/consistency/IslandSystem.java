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

    /** A till sale reduces the stock this island keeps (only the stock owner needs to do anything). */
    default void issueSoldGoods(StockSale sale) {
    }
}
