package org.retailhub.domain.replenishment;

/** Port: starts the replenishment of one store now (outside its daily schedule). */
public interface ReplenishmentProcesses {

    /** Starts a run for the store; answers the id of the process instance. */
    String startNow(String storeId);
}
