package org.retailhub.processes.payment;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.retailhub.domain.payment.RefundProcesses;
import org.springframework.stereotype.Component;

/** The {@code refund} BPMN behind the domain's {@link RefundProcesses} port; business key = order id. */
@Component
public class RefundProcess implements RefundProcesses {

    public static final String PROCESS_KEY = "refund";

    private final RuntimeService runtime;

    public RefundProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(UUID orderId, UUID refundId) {
        startAndGet(orderId, refundId);
    }

    public ProcessInstance startAndGet(UUID orderId, UUID refundId) {
        return runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(orderId.toString())
                .setVariables(Variables.createVariables().putValue(RefundSteps.REFUND_ID, refundId.toString()))
                .execute();
    }
}
