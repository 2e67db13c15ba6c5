package org.retailhub.domain.consistency;

/**
 * Port where the capture engines hand every committed island change, in commit order per island. The receiver
 * must not throw for a bad change (it dead-letters it); an exception means "not handled, deliver again".
 */
public interface IslandChanges {

    void accept(IslandChange change);

    /** A batch of one island's changes in commit order, as the engine polled them; by default one at a time. */
    default void acceptAll(java.util.List<IslandChange> changes) {
        changes.forEach(this::accept);
    }
}
