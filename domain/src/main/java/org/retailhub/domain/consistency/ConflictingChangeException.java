package org.retailhub.domain.consistency;

import java.util.ArrayList;
import java.util.List;

/**
 * An island changed a field another island owns: not applied, dead-lettered. The owner's value is put back on that
 * island at once ({@link ChangePropagation#apply}); {@link #restored()} says which records were.
 */
public class ConflictingChangeException extends RuntimeException {

    /** What the island wrote, and what the owner holds (the hub's golden record) to be put back there. */
    public record Conflict(CanonicalRecord islandsValue, CanonicalRecord ownersValue) {
    }

    private final Island island;
    private final List<Conflict> conflicts;
    private final List<CanonicalRecord> restored = new ArrayList<>();

    /** A conflict with nothing to put back (an island's document, not a row it keeps). */
    public ConflictingChangeException(String message) {
        this(message, null, List.of());
    }

    public ConflictingChangeException(String message, Island island, List<Conflict> conflicts) {
        super(message);
        this.island = island;
        this.conflicts = List.copyOf(conflicts);
    }

    /** The island whose change conflicted; null for a document. */
    public Island island() {
        return island;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** The owner's records written back on {@link #island()}. */
    public List<CanonicalRecord> restored() {
        return List.copyOf(restored);
    }

    void restoredOnIsland(CanonicalRecord ownersValue) {
        restored.add(ownersValue);
    }
}
