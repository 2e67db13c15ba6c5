package org.retailhub.processes.fulfilment;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.fulfilment.FulfilmentAnswer;
import org.retailhub.domain.fulfilment.FulfilmentRequests;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.processes.models.TransientVariables;
import org.springframework.stereotype.Component;

/**
 * The step of the delivery model, which hands a paid order to the ERP: {@code ${delivery.handOver(execution)}}.
 * The ERP answers per order idempotently, so the engine's retries and an operator's retry never deliver twice.
 */
@Component("delivery")
public class DeliverySteps {

    public static final String ORDER_ID = "orderId";
    /** Whether the ERP took the delivery; the delivery model's answer to the order. */
    public static final String ACCEPTED = "fulfilmentAccepted";
    public static final String REASON = "reason";

    private final OrderRepository orders;
    private final FulfilmentRequests fulfilment;

    public DeliverySteps(OrderRepository orders, FulfilmentRequests fulfilment) {
        this.orders = orders;
        this.fulfilment = fulfilment;
    }

    /** Sends the order's reserved lines to the ERP; the order then carries the ERP's delivery number, or the reason it refused. */
    public void handOver(DelegateExecution execution) {
        Order order = orders.get(UUID.fromString((String) execution.getVariable(ORDER_ID)));
        FulfilmentAnswer answer = fulfilment.request(order, order.id() + ":deliver");
        // read by the gateway and the order's out-mappings as the delivery ends, in this transaction: no rows needed;
        // "no reason" is set too, so the order's out-mapping of the reason has a transient value to copy, not a null row
        TransientVariables.set(execution, ACCEPTED, answer.accepted());
        if (answer.accepted()) {
            orders.recordDelivery(order.id(), answer.deliveryId());
            TransientVariables.set(execution, REASON, null);
        } else {
            TransientVariables.set(execution, REASON, "fulfilment rejected by the ERP: " + answer.reason());
        }
    }
}
