package org.retailhub.domain.payment;

import java.time.Clock;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.shared.EventNames;

/**
 * Publishes a payment's status changes through the outbox, in the transaction that records the change: published
 * once per change, or not at all when the change rolls back. Keyed by the order id, like the order's own events, so a
 * consumer reading both topics with the same partitions finds an order's payment beside it.
 */
public class PaymentEvents {

    private final Outbox outbox;
    private final Clock clock;
    private final String topic;

    /** @param topic the topic that carries every payment status change (configuration: {@code hub.kafka.topics.payments}) */
    public PaymentEvents(Outbox outbox, Clock clock, String topic) {
        this.outbox = outbox;
        this.clock = clock;
        this.topic = topic;
    }

    /** The payment reached the status it has now; call inside the transaction that changed it. */
    public void changed(Payment payment) {
        PaymentEvent event = new PaymentEvent(EventNames.of("Payment", payment.status()), payment.id(), payment.orderId(), payment.method(),
                payment.amount().amount(), payment.amount().currency().getCurrencyCode(), payment.status(), payment.reason(), clock.instant());
        outbox.append(topic, payment.orderId().toString(), event.type(), event);
    }
}
