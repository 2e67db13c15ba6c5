package org.retailhub.app.demo;

import java.time.Instant;
import org.retailhub.domain.replenishment.ReplenishmentProcesses;
import org.retailhub.processes.replenishment.ReplenishmentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * With {@code --demo}, a replenishment run for every configured store shortly after the start (the daily timer would
 * wait for the morning), so a proposal waits for the buyer in Tasklist within a minute.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoReplenishment {

    private static final Logger log = LoggerFactory.getLogger(DemoReplenishment.class);

    private final ReplenishmentProcesses processes;
    private final ReplenishmentProperties replenishment;
    private final DemoProperties demo;
    private final TaskScheduler scheduler;

    public DemoReplenishment(ReplenishmentProcesses processes, ReplenishmentProperties replenishment, DemoProperties demo,
                             TaskScheduler scheduler) {
        this.processes = processes;
        this.replenishment = replenishment;
        this.demo = demo;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void soonAfterTheStart() {
        scheduler.schedule(this::runEveryStore, Instant.now().plus(demo.replenishmentAfter()));
    }

    private void runEveryStore() {
        for (String store : replenishment.stores()) {
            try {
                processes.startNow(store);
            } catch (RuntimeException e) {
                log.warn("Demo replenishment run for {} not started: {}", store, e.getMessage());
            }
        }
        log.info("Demo replenishment runs started for {}: proposals for the buyer wait in Tasklist (Review the order proposal)",
                replenishment.stores());
    }
}
