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
 * is a conflict, and the owner's value goes back on that island at once. Till sales reduce the hub's stock and
 * queue a goods issue for the stock's owner ({@link GoldenRecords#applySale}, posted by {@link StockPostings}).
 * Customers whose personal data was erased are left alone. The owner's statement of a customer's consent to tracking
 * goes to the {@link ConsentRegister} in the same hub transaction. A batch of changes ({@link #applyAll}) shares one hub
 * transaction, and its island writes follow the commit.
 */
public class ChangePropagation {

    /** What became of a change; counted per island. */
    public enum Outcome { APPLIED, REPLAYED, SUPERSEDED, ECHO, SALE, SHORTFALL, DRIFT, ERASED, IGNORED }

    private static final System.Logger log = System.getLogger(ChangePropagation.class.getName());

    private final Map<Island, IslandSystem> islands = new EnumMap<>(Island.class);
    private final GoldenRecords golden;
    private final FieldOwnership ownership;
    private final ConsentRegister consents;

    public ChangePropagation(List<IslandSystem> islands, GoldenRecords golden, FieldOwnership ownership) {
        this(islands, golden, ownership, ConsentRegister.NONE);
    }

    public ChangePropagation(List<IslandSystem> islands, GoldenRecords golden, FieldOwnership ownership, ConsentRegister consents) {
        islands.forEach(i -> this.islands.put(i.island(), i));
        this.golden = golden;
        this.ownership = ownership;
        this.consents = consents;
    }

    /**
     * Applies one change, its island writes at once. A conflict (a non-owner changed an owned field) is thrown for the
     * caller to dead-letter, after the owner's value was written back on that island and the restore audited.
     */
    public Outcome apply(IslandChange change) {
        try {
            return apply(change, new Immediately());
        } catch (ConflictingChangeException conflict) {
            restoreOwnersValues(conflict);
            throw conflict;
        }
    }

    private void restoreOwnersValues(ConflictingChangeException conflict) {
        IslandSystem island = islands.get(conflict.island());
        for (ConflictingChangeException.Conflict c : conflict.conflicts()) {
            try {
                island.write(c.ownersValue());
                golden.restored(island.island(), c.islandsValue(), c.ownersValue());
                conflict.restoredOnIsland(c.ownersValue());
            } catch (RuntimeException e) {
                // the dead letter stays; the next reconciliation writes the owner's value
                log.log(System.Logger.Level.WARNING, "owner's " + c.ownersValue().kind() + " " + c.ownersValue().key() + " not restored on "
                        + island.island() + ": " + e.getClass().getSimpleName());
            }
        }
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

        /** A later change of the same batch carries the owner's next value of this record: this one need not be applied. */
        default boolean supersededLater(CanonicalRecord record) {
            return false;
        }
    }

    private final class Immediately implements IslandWrites {
        public void propagate(CanonicalRecord record, Island except) {
            ChangePropagation.this.propagate(record, except);
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
            return sell(reading.sale());
        }
        if (reading.echo()) {
            return reading.records().isEmpty() ? Outcome.IGNORED : Outcome.ECHO;
        }
        Outcome outcome = Outcome.IGNORED;
        List<ConflictingChangeException.Conflict> conflicts = new ArrayList<>();
        for (CanonicalRecord record : reading.records()) {
            if (ownership.owner(record.kind()) == change.island()) {
                outcome = applyOwned(record, change, writes);
                registerConsent(record, reading, outcome, change.island());
            } else if (change.isSnapshot() && differs(record, source)) {
                // today's drift, found while loading: reconciliation repairs it by ownership
                outcome = Outcome.DRIFT;
            } else if (differs(record, source)) {
                conflicts.add(new ConflictingChangeException.Conflict(record, golden.get(record.kind(), record.key()).orElseThrow()));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictingChangeException(change.island() + " changed " + conflicts.stream().map(c -> describe(c, source))
                    .collect(java.util.stream.Collectors.joining("; ")), change.island(), conflicts);
        }
        return outcome;
    }

    private String describe(ConflictingChangeException.Conflict conflict, IslandSystem source) {
        CanonicalRecord typed = conflict.islandsValue();
        return typed.kind() + " " + typed.key() + " which " + ownership.owner(typed.kind()) + " owns: " + typed + " but the hub holds "
                + source.asStored(conflict.ownersValue());
    }

    private boolean ownsNothing(IslandSystem island) {
        return island.holds().stream().noneMatch(kind -> ownership.owner(kind) == island.island());
    }

    /** The owner's statement of the customer's consent, once the golden customer exists (superseded: the later change states it). */
    private void registerConsent(CanonicalRecord record, IslandReading reading, Outcome outcome, Island owner) {
        if (record.kind() == EntityKind.CUSTOMER && reading.consent() != null && outcome != Outcome.SUPERSEDED && outcome != Outcome.ERASED) {
            consents.record(record.key(), reading.consent(), owner.name());
        }
    }

    private Outcome applyOwned(CanonicalRecord record, IslandChange change, IslandWrites writes) {
        if (writes.supersededLater(record)) {
            return Outcome.SUPERSEDED;
        }
        if (record.kind() == EntityKind.CUSTOMER && golden.isErased(record.key())) {
            // erased on request: the owner's copy is the owner's business, the hub takes nothing personal in again
            return Outcome.ERASED;
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

    /** The record disagrees with the golden record as this island stores it (a till's 24 upper-case characters). */
    private boolean differs(CanonicalRecord record, IslandSystem source) {
        Optional<CanonicalRecord> expected = golden.get(record.kind(), record.key()).map(source::asStored);
        return expected.isPresent() && !expected.get().equals(record);
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

    /**
     * A till sale (from CDC or the end-of-day log): the hub's stock goes down and a goods issue is queued for the stock's
     * owner, once per sale line. {@code SHORTFALL} when the sale took stock that orders hold reserved.
     */
    public Outcome sell(StockSale sale) {
        GoldenRecords.SaleApplied applied = golden.applySale(sale);
        if (!applied.applied()) {
            return Outcome.REPLAYED;
        }
        if (applied.shortBy() > 0) {
            log.log(System.Logger.Level.WARNING, "till sale " + sale.receipt() + " took stock reserved for orders: " + sale.storeId() + " "
                    + sale.sku() + " is short by " + applied.shortBy() + " (GET /api/consistency/shortfalls)");
            return Outcome.SHORTFALL;
        }
        return Outcome.SALE;
    }
}
