package org.retailhub.processes.payment;

import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.retailhub.domain.payment.PaymentOutcomes;
import org.springframework.stereotype.Component;

/** Delivers payment outcomes to the order-fulfilment instance waiting for them (by business key = order id). */
@Component
public class PaymentCorrelation implements PaymentOutcomes {

    public static final String MESSAGE_APPROVED = "PaymentApproved";
    public static final String MESSAGE_DECLINED = "PaymentDeclined";

    private final RuntimeService runtime;

    public PaymentCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean approved(UUID orderId, String paymentReference) {
        return correlate(MESSAGE_APPROVED, orderId, "paymentReference", paymentReference);
    }

    @Override
    public boolean declined(UUID orderId, String reason) {
        return correlate(MESSAGE_DECLINED, orderId, "reason", "payment declined: " + reason);
    }

    private boolean correlate(String message, UUID orderId, String variable, String value) {
        try {
            runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(orderId.toString())
                    .setVariable(variable, value)
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException noWaitingOrder) {
            return false;
        }
    }
}
