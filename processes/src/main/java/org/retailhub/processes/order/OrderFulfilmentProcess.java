package org.retailhub.processes.order;

import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.retailhub.domain.order.OrderProcesses;
import org.springframework.stereotype.Component;

/** The order-fulfilment BPMN behind the domain's {@link OrderProcesses} port. The business key is the order id. */
@Component
public class OrderFulfilmentProcess implements OrderProcesses {

    public static final String PROCESS_KEY = "order-fulfilment";
    public static final String MESSAGE_CANCELLED = "OrderCancelled";

    private final RuntimeService runtime;
    private final OrderProperties properties;

    public OrderFulfilmentProcess(RuntimeService runtime, OrderProperties properties) {
        this.runtime = runtime;
        this.properties = properties;
    }

    @Override
    public void start(UUID orderId) {
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(orderId.toString())
                .setVariables(Variables.createVariables()
                        .putValue(OrderVariables.ORDER_ID, orderId.toString())
                        .putValue(OrderVariables.PAYMENT_TIMEOUT, properties.paymentTimeout().toString())
                        .putValue(OrderVariables.PAY_IN_STORE_TIMEOUT, properties.payInStoreTimeout().toString()))
                .execute();
    }

    @Override
    public boolean cancel(UUID orderId, String reason) {
        try {
            runtime.createMessageCorrelation(MESSAGE_CANCELLED)
                    .processInstanceBusinessKey(orderId.toString())
                    .setVariable(OrderVariables.REASON, reason)
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException noRunningOrder) {
            return false;
        }
    }
}
