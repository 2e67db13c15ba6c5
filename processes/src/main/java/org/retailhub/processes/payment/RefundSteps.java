package org.retailhub.processes.payment;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.order.OrderJournal;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.payment.RefundDesk;
import org.retailhub.domain.payment.RefundRequest;
import org.springframework.stereotype.Component;

/** The steps of the refund model, called by name ({@code ${refund.refundAtProvider(execution)}}). */
@Component("refund")
public class RefundSteps {

    public static final String REFUND_ID = "refundId";

    private final RefundDesk desk;
    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final OrderRepository orders;
    private final OrderJournal journal;

    public RefundSteps(RefundDesk desk, PaymentRepository payments, PaymentProvider provider, OrderRepository orders,
                       OrderJournal journal) {
        this.desk = desk;
        this.payments = payments;
        this.provider = provider;
        this.orders = orders;
        this.journal = journal;
    }

    /** Same idempotency key on every retry: the provider refunds once, however often the step runs. */
    public void refundAtProvider(DelegateExecution execution) {
        RefundRequest refund = refund(execution);
        ProviderAnswer answer = provider.refund(payments.get(refund.paymentId()), refund.amount(), refund.id() + ":refund");
        if (answer.status() != PaymentStatus.REFUNDED) {
            // not a business outcome the model can handle: the step fails, retries, then shows as an incident
            throw new IllegalStateException("provider did not refund " + refund.id() + ": " + answer.status() + " " + answer.reason());
        }
    }

    public void record(DelegateExecution execution) {
        RefundRequest refund = refund(execution);
        OrderStatus status = desk.completed(refund.id(), orders.get(refund.orderId()).total());
        journal.change(refund.orderId(), status, "refunded " + refund.amount() + (refund.reason() == null ? "" : ": " + refund.reason()));
    }

    private RefundRequest refund(DelegateExecution execution) {
        return desk.get(UUID.fromString((String) execution.getVariable(REFUND_ID)));
    }
}
