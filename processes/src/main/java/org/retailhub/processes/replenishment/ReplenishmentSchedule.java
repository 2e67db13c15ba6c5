package org.retailhub.processes.replenishment;

import org.springframework.stereotype.Component;

/**
 * The daily run's timer, for the model's start event ({@code ${replenishmentSchedule.cycle()}}): the engine evaluates
 * it when the model is deployed and, with {@code reevaluateTimeCycleWhenDue}, each time the timer fires, so a changed
 * {@code hub.replenishment.schedule} takes effect after the next run.
 */
@Component("replenishmentSchedule")
public class ReplenishmentSchedule {

    private final ReplenishmentProperties properties;

    public ReplenishmentSchedule(ReplenishmentProperties properties) {
        this.properties = properties;
    }

    public String cycle() {
        return properties.schedule();
    }
}
