package org.retailhub.processes.consistency;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.retailhub.domain.consistency.ReconciliationProcesses;
import org.retailhub.domain.consistency.ReconciliationRunningException;
import org.springframework.stereotype.Component;

/** The {@code reconciliation} BPMN behind the domain's {@link ReconciliationProcesses} port (its message start event). */
@Component
public class ReconciliationProcess implements ReconciliationProcesses {

    public static final String PROCESS_KEY = "reconciliation";
    public static final String REQUESTED = "ReconciliationRequested";
    /** The user task where an operator chooses which of a customer's duplicates survives. */
    public static final String CHOOSE_SURVIVOR = "Activity_ChooseSurvivor";

    private final RuntimeService runtime;

    public ReconciliationProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts a run; the model itself refuses to go on while another run is active, and this answers which. */
    @Override
    public String startNow() {
        ProcessInstance started = runtime.startProcessInstanceByMessage(REQUESTED);
        if (started.isEnded()) {
            throw new ReconciliationRunningException(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list().stream()
                    .map(ProcessInstance::getId).findFirst().orElse(null));
        }
        return started.getId();
    }
}
