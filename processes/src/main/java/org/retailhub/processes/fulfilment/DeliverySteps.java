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
 * The order's hand-over to the ERP, a step of the order-fulfilment model ({@code ${delivery.handOver(execution)}},
 * "Hand over to the ERP"). The ERP answers per order idempotently, so the engine's retries and an operator's retry
 * never deliver twice. Until issue 18 it was the step of a delivery model of its own, which orders of that release
 * still call from their deployment: hence the bean's name, and answers its caller can map out.
 */
@Component("delivery")
public class DeliverySteps {

    public static final String ORDER_ID = "orderId";
    /** Whether the ERP took the delivery; the order's next gateway reads it. */
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
        Order order = orders.withLinesOnly(UUID.fromString((String) execution.getVariable(ORDER_ID)));
        FulfilmentAnswer answer = fulfilment.request(order, order.id() + ":deliver");
        // read by the order's gateway in this transaction (or, in a previous release's delivery model, its out-mappings):
        // no rows needed; "no reason" is set too, so an out-mapping of the reason has a transient value to copy, not a null row
        TransientVariables.set(execution, ACCEPTED, answer.accepted());
        if (answer.accepted()) {
            orders.recordDelivery(order.id(), answer.deliveryId());
            TransientVariables.set(execution, REASON, null);
        } else {
            TransientVariables.set(execution, REASON, "fulfilment rejected by the ERP: " + answer.reason());
        }
    }
}
