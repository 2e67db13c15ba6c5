package org.retailhub.processes.consistency;

import org.camunda.bpm.engine.RuntimeService;
import org.retailhub.domain.consistency.ReconciliationProcesses;
import org.springframework.stereotype.Component;

/** The {@code reconciliation} BPMN behind the domain's {@link ReconciliationProcesses} port (its message start event). */
@Component
public class ReconciliationProcess implements ReconciliationProcesses {

    public static final String PROCESS_KEY = "reconciliation";
    public static final String REQUESTED = "ReconciliationRequested";

    private final RuntimeService runtime;

    public ReconciliationProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String startNow() {
        return runtime.startProcessInstanceByMessage(REQUESTED).getId();
    }
}
