package org.retailhub.domain.consistency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Applies one captured island change: the owner's records go into the golden record (once per position) and out to
 * every other island that keeps a copy; echoes of the hub's own writes stop here; a non-owner's disagreeing change
 * is a conflict. Till sales reduce the hub's stock and become a goods issue at the stock's owner.
 * A batch of changes ({@link #applyAll}) shares one hub transaction, and its island writes follow the commit.
 */
public class ChangePropagation {

    /** What became of a change; counted per island. */
    public enum Outcome { APPLIED, REPLAYED, SUPERSEDED, ECHO, SALE, DRIFT, IGNORED }

    private final Map<Island, IslandSystem> islands = new EnumMap<>(Island.class);
    private final GoldenRecords golden;
    private final FieldOwnership ownership;

    public ChangePropagation(List<IslandSystem> islands, GoldenRecords golden, FieldOwnership ownership) {
        islands.forEach(i -> this.islands.put(i.island(), i));
        this.golden = golden;
        this.ownership = ownership;
    }

    public Outcome apply(IslandChange change) {
        return apply(change, new Immediately());
    }

    /**
     * Applies a batch of one island's changes in one hub transaction, in order; the island writes they cause follow
     * the commit. Of several changes of one owned record in the batch only the last is applied (the others are
     * {@code SUPERSEDED}: the owner's later value and position make them history), so a backlog costs work per
     * record, not per change. A change
     * that throws rolls the whole batch back and the exception reaches the caller, which applies the batch change by
     * change ({@link #apply}); nothing was written to an island then. An island write that fails after the commit is
     * handed to {@code failed} with the change that caused it; the other writes go on.
     */
    public List<Outcome> applyAll(List<IslandChange> changes, BiConsumer<IslandChange, RuntimeException> failed) {
        AfterCommit writes = new AfterCommit();
        List<Outcome> outcomes = golden.together(() -> {
            List<IslandReading> readings = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                IslandReading reading = read(changes.get(i));
                readings.add(reading);
                writes.remember(changes.get(i), reading, i);
            }
            List<Outcome> applied = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                writes.current = changes.get(i);
                writes.index = i;
                applied.add(readings.get(i) == null ? Outcome.DRIFT : apply(changes.get(i), readings.get(i), writes));
            }
            return applied;
        });
        writes.run(failed);
        return outcomes;
    }

    /** Where the island writes of a change go: out at once, or collected until the batch's hub transaction committed. */
    private interface IslandWrites {
        void propagate(CanonicalRecord record, Island except);

        void issueSoldGoods(StockSale sale);

        /** A later change of the same batch carries the owner's next value of this record: this one need not be applied. */
        default boolean supersededLater(CanonicalRecord record) {
            return false;
        }
    }

    private final class Immediately implements IslandWrites {
        public void propagate(CanonicalRecord record, Island except) {
            ChangePropagation.this.propagate(record, except);
        }

        public void issueSoldGoods(StockSale sale) {
            issueAtStockOwner(sale);
        }
    }

    private final class AfterCommit implements IslandWrites {
        private record Write(IslandChange cause, Runnable write) {
        }

        private final Map<String, Write> pending = new LinkedHashMap<>();
        private final Map<String, Integer> lastOwned = new java.util.HashMap<>();
        private IslandChange current;
        private int index;

        void remember(IslandChange change, IslandReading reading, int at) {
            if (reading != null && reading.sale() == null && !reading.echo()) {
                reading.records().stream().filter(r -> ownership.owner(r.kind()) == change.island())
                        .forEach(r -> lastOwned.put(r.kind() + ":" + r.key(), at));
            }
        }

        @Override
        public boolean supersededLater(CanonicalRecord record) {
            return lastOwned.getOrDefault(record.kind() + ":" + record.key(), index) > index;
        }

        public void propagate(CanonicalRecord record, Island except) {
            String key = record.kind() + ":" + record.key() + ":" + except;
            pending.remove(key); // the later value wins, written in the later change's place
            pending.put(key, new Write(current, () -> ChangePropagation.this.propagate(record, except)));
        }

        public void issueSoldGoods(StockSale sale) {
            pending.put("sale:" + sale.receipt(), new Write(current, () -> issueAtStockOwner(sale)));
        }

        void run(BiConsumer<IslandChange, RuntimeException> failed) {
            for (Write w : pending.values()) {
                try {
                    w.write().run();
                } catch (RuntimeException e) {
                    failed.accept(w.cause(), e);
                }
            }
        }
    }

    private void issueAtStockOwner(StockSale sale) {
        islands.get(ownership.owner(EntityKind.STOCK)).issueSoldGoods(sale);
    }

    private Outcome apply(IslandChange change, IslandWrites writes) {
        IslandReading reading = read(change);
        return reading == null ? Outcome.DRIFT : apply(change, reading, writes);
    }

    /** The change in the hub's language; null for a row of today's mess in an island that is master of nothing. */
    private IslandReading read(IslandChange change) {
        IslandSystem source = islands.get(change.island());
        try {
            return source.read(change);
        } catch (UndecodableChangeException e) {
            if (change.isSnapshot() && ownsNothing(source)) {
                // reconciliation retires or links it
                return null;
            }
            throw e;
        }
    }

    private Outcome apply(IslandChange change, IslandReading reading, IslandWrites writes) {
        IslandSystem source = islands.get(change.island());
        if (reading.sale() != null) {
            return sell(reading.sale(), writes);
        }
        if (reading.echo()) {
            return reading.records().isEmpty() ? Outcome.IGNORED : Outcome.ECHO;
        }
        Outcome outcome = Outcome.IGNORED;
        for (CanonicalRecord record : reading.records()) {
            outcome = ownership.owner(record.kind()) == change.island() ? applyOwned(record, change, writes)
                    : checkNotOwned(record, source, change);
        }
        return outcome;
    }

    private boolean ownsNothing(IslandSystem island) {
        return island.holds().stream().noneMatch(kind -> ownership.owner(kind) == island.island());
    }

    private Outcome applyOwned(CanonicalRecord record, IslandChange change, IslandWrites writes) {
        if (writes.supersededLater(record)) {
            return Outcome.SUPERSEDED;
        }
        if (golden.apply(record, change) == GoldenRecords.Applied.REPLAYED) {
            // delivered again after a crash between the hub's commit and the island writes: finish those with the current value
            golden.get(record.kind(), record.key()).ifPresent(current -> writes.propagate(current, change.island()));
            return Outcome.REPLAYED;
        }
        writes.propagate(record, change.island());
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
        return sell(sale, new Immediately());
    }

    private Outcome sell(StockSale sale, IslandWrites writes) {
        if (golden.applySale(sale)) {
            writes.issueSoldGoods(sale);
            return Outcome.SALE;
        }
        return Outcome.REPLAYED;
    }
}
