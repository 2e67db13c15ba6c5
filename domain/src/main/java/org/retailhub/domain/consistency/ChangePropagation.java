package org.retailhub.domain.consistency;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one captured island change: the owner's records go into the golden record (once per position) and out to
 * every other island that keeps a copy; echoes of the hub's own writes stop here; a non-owner's disagreeing change
 * is a conflict. Till sales reduce the hub's stock and become a goods issue at the stock's owner.
 */
public class ChangePropagation {

    /** What became of a change; counted per island. */
    public enum Outcome { APPLIED, REPLAYED, ECHO, SALE, DRIFT, IGNORED }

    private final Map<Island, IslandSystem> islands = new EnumMap<>(Island.class);
    private final GoldenRecords golden;
    private final FieldOwnership ownership;

    public ChangePropagation(List<IslandSystem> islands, GoldenRecords golden, FieldOwnership ownership) {
        islands.forEach(i -> this.islands.put(i.island(), i));
        this.golden = golden;
        this.ownership = ownership;
    }

    public Outcome apply(IslandChange change) {
        IslandSystem source = islands.get(change.island());
        IslandReading reading;
        try {
            reading = source.read(change);
        } catch (UndecodableChangeException e) {
            if (change.isSnapshot() && ownsNothing(source)) {
                // a row of today's mess in an island that is master of nothing: reconciliation retires or links it
                return Outcome.DRIFT;
            }
            throw e;
        }
        if (reading.sale() != null) {
            return sell(reading.sale());
        }
        if (reading.echo()) {
            return reading.records().isEmpty() ? Outcome.IGNORED : Outcome.ECHO;
        }
        Outcome outcome = Outcome.IGNORED;
        for (CanonicalRecord record : reading.records()) {
            outcome = ownership.owner(record.kind()) == change.island() ? applyOwned(record, change) : checkNotOwned(record, source, change);
        }
        return outcome;
    }

    private boolean ownsNothing(IslandSystem island) {
        return island.holds().stream().noneMatch(kind -> ownership.owner(kind) == island.island());
    }

    private Outcome applyOwned(CanonicalRecord record, IslandChange change) {
        if (golden.apply(record, change.island(), change.position()) == GoldenRecords.Applied.REPLAYED) {
            return Outcome.REPLAYED;
        }
        propagate(record, change.island());
        return Outcome.APPLIED;
    }

    /**
     * Writes the record into every island but {@code except} that keeps this kind; unchanged islands are not touched.
     * An article an island did not have arrives with the price the hub holds: the owner's price may have been read
     * before its article (tables are captured in any order), when the island had no row to put it on.
     */
    public void propagate(CanonicalRecord record, Island except) {
        for (IslandSystem island : islands.values()) {
            if (island.island() != except && island.holds().contains(record.kind()) && island.write(record)
                    && record instanceof CanonicalRecord.Article article && island.holds().contains(EntityKind.PRICE)) {
                golden.get(EntityKind.PRICE, article.sku()).ifPresent(island::write);
            }
        }
    }

    private Outcome checkNotOwned(CanonicalRecord record, IslandSystem source, IslandChange change) {
        Optional<CanonicalRecord> expected = golden.get(record.kind(), record.key()).map(source::asStored);
        if (expected.isEmpty() || expected.get().equals(record)) {
            return Outcome.IGNORED;
        }
        if (change.isSnapshot()) {
            // today's drift, found while loading: reconciliation repairs it by ownership
            return Outcome.DRIFT;
        }
        throw new ConflictingChangeException(change.island() + " changed " + record.kind() + " " + record.key() + " which "
                + ownership.owner(record.kind()) + " owns: " + record + " but the hub holds " + expected.get());
    }

    /**
     * A record an island states in one of its documents (not a row change, so without a log position): applied and
     * propagated when that island owns the kind, a conflict otherwise. Unchanged islands are not touched.
     */
    public Outcome applyStatement(CanonicalRecord record, Island from) {
        if (ownership.owner(record.kind()) != from) {
            throw new ConflictingChangeException(from + " stated " + record.kind() + " " + record.key() + " which "
                    + ownership.owner(record.kind()) + " owns");
        }
        golden.put(record);
        propagate(record, from);
        return Outcome.APPLIED;
    }

    /** A till sale (from CDC or the end-of-day log): the hub's stock and the stock owner's go down once per sale line. */
    public Outcome sell(StockSale sale) {
        if (golden.applySale(sale)) {
            islands.get(ownership.owner(EntityKind.STOCK)).issueSoldGoods(sale);
            return Outcome.SALE;
        }
        return Outcome.REPLAYED;
    }
}
