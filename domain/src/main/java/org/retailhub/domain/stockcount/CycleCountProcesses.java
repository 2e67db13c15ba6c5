package org.retailhub.domain.stockcount;

import java.util.UUID;

/**
 * Port to the cycle count process ({@code cycle-count.bpmn}): a count is opened, its zones scanned while it waits, and
 * closed, then compared, posted to the stock's owner and, above the shrink threshold, handed to the store manager.
 * Implemented in {@code processes}.
 */
public interface CycleCountProcesses {

    /** Starts a count of the store; its id is also the process's business key. */
    UUID start(String storeId);

    /** The zones are scanned: compare and post. False when no count with this id waits for its scan. */
    boolean close(UUID countId);
}
