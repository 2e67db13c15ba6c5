package org.retailhub.domain.order;

import java.util.UUID;

/**
 * Port: the running order-fulfilment processes. Implemented by the process engine; callers
 * (REST, channel routes) never see the engine itself.
 */
public interface OrderProcesses {

    /** Starts fulfilment of an accepted order; joins the caller's transaction. */
    void start(UUID orderId);

    /**
     * Asks a running order to cancel, releasing whatever it reserved.
     *
     * @return false when no running fulfilment waits for the order any more
     * @throws OrderBusyException when the order's own steps kept colliding with the cancel; nothing changed
     */
    boolean cancel(UUID orderId, String reason);
}
