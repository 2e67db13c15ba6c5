package org.retailhub.processes.order;

import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.retailhub.domain.order.OrderBusyException;
import org.retailhub.domain.order.OrderProcesses;
import org.springframework.stereotype.Component;

/** The order-fulfilment BPMN behind the domain's {@link OrderProcesses} port. The business key is the order id. */
@Component
public class OrderFulfilmentProcess implements OrderProcesses {

    public static final String PROCESS_KEY = "order-fulfilment";
    public static final String MESSAGE_CANCELLED = "OrderCancelled";
    private static final int CANCEL_ATTEMPTS = 5;

    private final RuntimeService runtime;

    public OrderFulfilmentProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(UUID orderId) {
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(orderId.toString())
                .setVariable(OrderVariables.ORDER_ID, orderId.toString())
                .execute();
    }

    /**
     * Correlates the cancel message. A job of the order may be running at that moment (the payment's authorise step
     * talking to the provider, say): the engine then refuses one side with an optimistic locking conflict, and the
     * cancel is tried again on the instance as it is now. Every step of the cancel path is idempotent.
     */
    @Override
    public boolean cancel(UUID orderId, String reason) {
        for (int attempt = 1; ; attempt++) {
            try {
                runtime.createMessageCorrelation(MESSAGE_CANCELLED)
                        .processInstanceBusinessKey(orderId.toString())
                        .setVariable(OrderVariables.REASON, reason)
                        .correlateWithResult();
                return true;
            } catch (MismatchingMessageCorrelationException noRunningOrder) {
                return false;
            } catch (OptimisticLockingException concurrentJob) {
                if (attempt == CANCEL_ATTEMPTS) {
                    throw new OrderBusyException(orderId, Duration.ofSeconds(1), concurrentJob);
                }
                pause(Duration.ofMillis(50L * attempt));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a cancel", e);
        }
    }
}
