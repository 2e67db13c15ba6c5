package org.retailhub.processes.payment;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.retailhub.domain.payment.PaymentUpdates;
import org.retailhub.domain.payment.TillPayments;
import org.springframework.stereotype.Component;

/** The {@code payment} BPMN behind the domain's {@link PaymentUpdates} port. */
@Component
public class PaymentProcess implements PaymentUpdates, TillPayments {

    public static final String PROCESS_KEY = "payment";
    public static final String MESSAGE_PROVIDER_ANSWERED = "PaymentProviderAnswered";
    public static final String MESSAGE_PAID_AT_TILL = "PaymentConfirmedAtTill";

    private final RuntimeService runtime;

    public PaymentProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Looks for the waiting instance first: a failed correlation would mark the caller's transaction
     * rollback-only, and the webhook's bookkeeping must commit even when nobody waits any more.
     */
    @Override
    public boolean providerAnswered(UUID paymentId) {
        long waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName(MESSAGE_PROVIDER_ANSWERED)
                .processVariableValueEquals(PaymentSteps.PAYMENT_ID, paymentId.toString())
                .count();
        if (waiting == 0) {
            return false;
        }
        runtime.createMessageCorrelation(MESSAGE_PROVIDER_ANSWERED)
                .processInstanceVariableEquals(PaymentSteps.PAYMENT_ID, paymentId.toString())
                .correlateWithResult();
        return true;
    }

    @Override
    public boolean paidAtTill(UUID orderId) {
        long waiting = runtime.createExecutionQuery().messageEventSubscriptionName(MESSAGE_PAID_AT_TILL)
                .processInstanceBusinessKey(orderId.toString()).count();
        if (waiting == 0) {
            return false;
        }
        runtime.createMessageCorrelation(MESSAGE_PAID_AT_TILL).processInstanceBusinessKey(orderId.toString()).correlateWithResult();
        return true;
    }
}
