package org.retailhub.processes.order;

import org.camunda.bpm.engine.ManagementService;
import org.retailhub.domain.order.FulfilmentBacklog;
import org.springframework.stereotype.Component;

/**
 * The {@link FulfilmentBacklog} as the job executor sees it: jobs in {@code ACT_RU_JOB} that are executable (retries
 * left, due now or without a due date) and not suspended, whether acquired yet or not. One count query per call;
 * timers not yet due and jobs out of retries (incidents) are not counted.
 */
@Component
public class EngineBacklog implements FulfilmentBacklog {

    private final ManagementService management;

    public EngineBacklog(ManagementService management) {
        this.management = management;
    }

    @Override
    public long dueSteps() {
        return management.createJobQuery().executable().active().count();
    }
}
