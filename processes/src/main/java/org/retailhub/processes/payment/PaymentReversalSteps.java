package org.retailhub.processes.payment;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.processes.models.TransientVariables;
import org.springframework.stereotype.Component;

/**
 * The steps of the payment-reversal model, which an order calls when it cannot keep the money: cancelled on request,
 * or the ERP refused the delivery. Called by name: {@code ${paymentReversal.refund(execution)}}.
 */
@Component("paymentReversal")
public class PaymentReversalSteps {

    /** TAKEN (captured: refund it), HELD (authorised, pending or on the gift card: void it) or NOTHING. */
    public static final String HOLDING = "holding";

    private final PaymentRepository payments;
    private final PaymentReversals reversals;

    public PaymentReversalSteps(PaymentRepository payments, PaymentProvider provider, GiftCards giftCards) {
        this.payments = payments;
        this.reversals = new PaymentReversals(payments, provider, giftCards);
    }

    /** Looks at the payment once: there may be none yet (an order cancelled before it asked for payment). */
    public void checkHolding(DelegateExecution execution) {
        Object id = execution.getVariable(PaymentSteps.PAYMENT_ID);
        Payment payment = id == null ? null : payments.get(UUID.fromString((String) id));
        String holding = payment == null ? "NOTHING"
                : payment.status() == PaymentStatus.CAPTURED ? "TAKEN"
                : reversals.holdsMoney(payment) ? "HELD" : "NOTHING";
        // the gateway right after reads it in this transaction: no row needed
        TransientVariables.set(execution, HOLDING, holding);
    }

    public void refund(DelegateExecution execution) {
        reversals.refund(payment(execution));
    }

    /** Voids the authorisation (or cancels by reference while it is on its way) and puts gift card money back. */
    public void voidHeld(DelegateExecution execution) {
        reversals.giveBack(payment(execution));
    }

    private Payment payment(DelegateExecution execution) {
        return payments.get(UUID.fromString((String) execution.getVariable(PaymentSteps.PAYMENT_ID)));
    }
}
