package org.retailhub.domain.order;

/**
 * Port: how much accepted work the hub has not started yet. Implemented by the process engine; the intake reads it
 * (cached, see the routes' {@code IntakeGate}) to refuse or pause new orders instead of queueing work it cannot start.
 */
public interface FulfilmentBacklog {

    /**
     * Steps that are due and may run now but have not finished, across every instance sharing the engine's database:
     * waiting to be picked up, picked up or running. An order in flight has about one such step at a time.
     */
    long dueSteps();
}
