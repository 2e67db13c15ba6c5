package org.retailhub.processes.inventory;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.retailhub.domain.stockcount.CycleCountProcesses;
import org.springframework.stereotype.Component;

/** The {@code cycle-count} BPMN behind the domain's {@link CycleCountProcesses} port; the count id is its business key. */
@Component
public class CycleCountProcess implements CycleCountProcesses {

    public static final String PROCESS_KEY = "cycle-count";
    public static final String CLOSED = "CountClosed";

    private final RuntimeService runtime;

    public CycleCountProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public UUID start(String storeId) {
        UUID countId = UUID.randomUUID();
        runtime.startProcessInstanceByKey(PROCESS_KEY, countId.toString(),
                Map.of(CycleCountSteps.COUNT_ID, countId.toString(), CycleCountSteps.STORE_ID, storeId));
        return countId;
    }

    @Override
    public boolean close(UUID countId) {
        try {
            runtime.createMessageCorrelation(CLOSED).processInstanceBusinessKey(countId.toString()).correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException notWaiting) {
            return false;
        }
    }
}
