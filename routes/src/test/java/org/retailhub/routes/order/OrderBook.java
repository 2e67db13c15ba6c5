package org.retailhub.routes.order;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.retailhub.domain.order.AcceptedOrder;
import org.retailhub.domain.order.OrderAcceptance;
import org.retailhub.domain.order.OrderRequest;

/**
 * Order acceptance as a test double: keeps what it accepted, in order, once per (channel, external id), and fails
 * the next calls the way a test tells it to (its own refusal, a database down).
 */
final class OrderBook extends OrderAcceptance {

    private final List<OrderRequest> accepted = new CopyOnWriteArrayList<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger attempts = new AtomicInteger();

    OrderBook() {
        super(null, null, null, null, null, "EUR", null, null, null, null);
    }

    @Override
    public AcceptedOrder accept(OrderRequest request) {
        attempts.incrementAndGet();
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        UUID id = UUID.nameUUIDFromBytes((request.channel() + "/" + request.externalId()).getBytes(StandardCharsets.UTF_8));
        boolean created = accepted.stream().noneMatch(o -> o.channel() == request.channel() && o.externalId().equals(request.externalId()));
        if (created) {
            accepted.add(request);
        }
        return new AcceptedOrder(id, created);
    }

    /** The next {@code times} calls fail with {@code failure}. */
    void failNext(int times, RuntimeException failure) {
        for (int i = 0; i < times; i++) {
            failures.add(failure);
        }
    }

    List<String> acceptedIds() {
        return accepted.stream().map(OrderRequest::externalId).toList();
    }

    int attempts() {
        return attempts.get();
    }

    void clear() {
        accepted.clear();
        failures.clear();
        attempts.set(0);
    }
}
