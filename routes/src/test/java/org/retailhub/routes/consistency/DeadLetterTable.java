package org.retailhub.routes.consistency;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.retailhub.domain.consistency.DeadLetters;
import org.retailhub.domain.consistency.Island;

/** The dead-letter table as a test double: keeps the letters in order; the next writes fail when told (database down). */
final class DeadLetterTable extends DeadLetters {

    /** One row of {@code hub.cdc_dead_letter}. */
    record Letter(Island island, String source, long position, String reason, String payload) {
    }

    private final List<Letter> letters = new CopyOnWriteArrayList<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();

    DeadLetterTable() {
        super(null);
    }

    @Override
    public void record(Island island, String source, long position, String reason, String payload) {
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        letters.add(new Letter(island, source, position, reason, payload));
    }

    void failNext(RuntimeException failure) {
        failures.add(failure);
    }

    List<Letter> letters() {
        return List.copyOf(letters);
    }

    void clear() {
        letters.clear();
        failures.clear();
    }
}
