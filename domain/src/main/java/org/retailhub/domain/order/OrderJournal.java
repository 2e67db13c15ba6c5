package org.retailhub.domain.order;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.shared.EventNames;

/**
 * Records an order's status changes: the order row, its history and the outgoing event, all in the
 * caller's transaction so they commit or vanish together.
 */
public class OrderJournal {

    private final OrderRepository orders;
    private final Outbox outbox;
    private final Clock clock;
    private final String eventsTopic;

    /** @param eventsTopic the topic that carries every order status change (configuration: {@code hub.kafka.topics.events}) */
    public OrderJournal(OrderRepository orders, Outbox outbox, Clock clock, String eventsTopic) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
        this.eventsTopic = eventsTopic;
    }

    /** The order was accepted from a channel. */
    public void received(UUID orderId) {
        publish(orders.header(orderId));
    }

    /**
     * Moves the order to a new status and publishes the change.
     *
     * @return false when the order may not move to that status from where it is, and nothing changed
     */
    public boolean change(UUID orderId, OrderStatus status, String reason) {
        Optional<OrderHeader> moved = orders.updateStatus(orderId, status, reason);
        moved.ifPresent(this::publish);
        return moved.isPresent();
    }

    private void publish(OrderHeader order) {
        OrderEvent event = new OrderEvent(EventNames.of("Order", order.status()), order.id(), order.channel().name(),
                order.externalId(), order.orderNumber(), order.status(), order.statusReason(),
                order.total() == null ? null : order.total().amount(),
                order.total() == null ? null : order.total().currency().getCurrencyCode(), clock.instant());
        outbox.append(eventsTopic, order.id().toString(), event.type(), event);
    }
}
