package org.retailhub.processes.payment;

import java.time.Instant;
import java.util.UUID;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.payment.PaymentOutcomes;
import org.retailhub.domain.payment.PaymentRequest;
import org.retailhub.domain.payment.PaymentRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers payment requests with a configured outcome, through the same message correlation a real
 * payment provider's webhook will use. The outcome is sent only after the requesting transaction has
 * committed, because before that no process instance waits for it.
 */
@Component
public class PaymentStandIn implements PaymentRequests {

    private static final Logger log = LoggerFactory.getLogger(PaymentStandIn.class);

    private final PaymentStandInProperties properties;
    private final PaymentOutcomes outcomes;
    private final TaskScheduler scheduler;
    private final OrderRepository orders;

    public PaymentStandIn(PaymentStandInProperties properties, PaymentOutcomes outcomes, TaskScheduler scheduler,
                          OrderRepository orders) {
        this.properties = properties;
        this.orders = orders;
        this.outcomes = outcomes;
        this.scheduler = scheduler;
    }

    @Override
    public void request(PaymentRequest request) {
        if (!properties.enabled()) {
            return;
        }
        Runnable answer = () -> scheduler.schedule(() -> answer(request.orderId()), Instant.now().plus(properties.delay()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    answer.run();
                }
            });
        } else {
            answer.run();
        }
    }

    /** Orders that were waiting when the hub stopped would otherwise sit until their timeout. */
    @EventListener(ApplicationReadyEvent.class)
    public void answerOrdersLeftWaiting() {
        if (properties.enabled()) {
            orders.findIdsByStatus(OrderStatus.AWAITING_PAYMENT, 10_000).forEach(this::answer);
        }
    }

    /** Answers one order now; public so that orders left waiting by a restart can be answered again. */
    public void answer(UUID orderId) {
        boolean delivered = properties.outcome() == PaymentStandInProperties.Outcome.APPROVE
                ? outcomes.approved(orderId, "STAND-IN-" + orderId.toString().substring(0, 8))
                : outcomes.declined(orderId, "declined by the payment stand-in");
        if (!delivered) {
            log.info("payment outcome for order {} found no waiting order (already finished)", orderId);
        }
    }
}
